package org.jkeepalived.os.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Users and groups from {@code /etc/passwd} and {@code /etc/group} (what getpwnam/getgrnam answer on a
 * machine without NSS modules), read on every lookup so that an account created after start is seen.
 * A name that is all digits and not found is taken as a numeric id, as setpriv takes it.
 */
final class Accounts {
    private final Path passwd;
    private final Path group;

    Accounts(Path passwd, Path group) {
        this.passwd = passwd;
        this.group = group;
    }

    static Accounts system() {
        return new Accounts(Path.of("/etc/passwd"), Path.of("/etc/group"));
    }

    /** A user: its uid and primary gid. */
    record User(String name, int uid, int gid) {
    }

    Optional<User> user(String name) {
        for (String[] f : entries(passwd)) {
            if (f.length >= 4 && f[0].equals(name)) {
                try {
                    return Optional.of(new User(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3])));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        if (name.matches("\\d{1,9}")) {
            int uid = Integer.parseInt(name);
            for (String[] f : entries(passwd)) {
                if (f.length >= 4 && f[2].equals(name)) {
                    return Optional.of(new User(f[0], uid, Integer.parseInt(f[3])));
                }
            }
            return Optional.of(new User(name, uid, uid));
        }
        return Optional.empty();
    }

    Optional<Integer> groupId(String name) {
        for (String[] f : entries(group)) {
            if (f.length >= 3 && f[0].equals(name)) {
                try {
                    return Optional.of(Integer.parseInt(f[2]));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return name.matches("\\d{1,9}") ? Optional.of(Integer.parseInt(name)) : Optional.empty();
    }

    private static List<String[]> entries(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).map(l -> l.split(":", -1))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
