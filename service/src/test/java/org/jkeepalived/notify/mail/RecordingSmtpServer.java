package org.jkeepalived.notify.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal SMTP server on loopback that records every line the client sends, to check the conversation
 * itself (HELO name, envelope) which GreenMail does not expose. {@code rcptReply} is its answer to RCPT TO.
 */
final class RecordingSmtpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final String rcptReply;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread thread;

    RecordingSmtpServer(String rcptReply) throws IOException {
        this.rcptReply = rcptReply;
        this.socket = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
        this.thread = new Thread(this::serve, "recording-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Every line received, DATA included, without line ends. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (IOException e) {
                // closed, or the client went away: serve the next one
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.US_ASCII));
        OutputStream out = client.getOutputStream();
        reply(out, "220 recording ESMTP");
        boolean data = false;
        String line;
        while ((line = in.readLine()) != null) {
            lines.add(line);
            if (data) {
                if (line.equals(".")) {
                    data = false;
                    reply(out, "250 queued");
                }
                continue;
            }
            String upper = line.toUpperCase(java.util.Locale.ROOT);
            if (upper.startsWith("RCPT")) {
                reply(out, rcptReply);
            } else if (upper.startsWith("DATA")) {
                data = true;
                reply(out, "354 go ahead");
            } else if (upper.startsWith("QUIT")) {
                reply(out, "221 bye");
                return;
            } else {
                reply(out, "250 ok");
            }
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
