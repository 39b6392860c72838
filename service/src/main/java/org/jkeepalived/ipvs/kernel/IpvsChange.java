package org.jkeepalived.ipvs.kernel;

import java.util.Objects;

/** One change to the kernel's table, for {@link IpvsKernel#apply}: a reconciler's unit of work. */
public sealed interface IpvsChange {
    /** The service this change is about. */
    IpvsServiceKey service();

    /** For logs and errors, e.g. {@code add service TCP  10.0.0.1:80}. */
    String describe();

    record AddService(IpvsService spec) implements IpvsChange {
        public AddService {
            Objects.requireNonNull(spec);
        }

        public IpvsServiceKey service() {
            return spec.key();
        }

        public String describe() {
            return "add service " + spec.key();
        }
    }

    record UpdateService(IpvsService spec) implements IpvsChange {
        public UpdateService {
            Objects.requireNonNull(spec);
        }

        public IpvsServiceKey service() {
            return spec.key();
        }

        public String describe() {
            return "update service " + spec.key();
        }
    }

    record DeleteService(IpvsServiceKey service) implements IpvsChange {
        public DeleteService {
            Objects.requireNonNull(service);
        }

        public String describe() {
            return "delete service " + service;
        }
    }

    record AddDestination(IpvsServiceKey service, IpvsDestination destination) implements IpvsChange {
        public AddDestination {
            Objects.requireNonNull(service);
            Objects.requireNonNull(destination);
        }

        public String describe() {
            return "add destination " + IpvsChange.name(destination) + " to " + service;
        }
    }

    record UpdateDestination(IpvsServiceKey service, IpvsDestination destination) implements IpvsChange {
        public UpdateDestination {
            Objects.requireNonNull(service);
            Objects.requireNonNull(destination);
        }

        public String describe() {
            return "update destination " + IpvsChange.name(destination) + " of " + service;
        }
    }

    /** Only the destination's address and port matter. */
    record DeleteDestination(IpvsServiceKey service, IpvsDestination destination) implements IpvsChange {
        public DeleteDestination {
            Objects.requireNonNull(service);
            Objects.requireNonNull(destination);
        }

        public String describe() {
            return "delete destination " + IpvsChange.name(destination) + " from " + service;
        }
    }

    /** A change the kernel refused, with why. */
    record Failure(IpvsChange change, IpvsException error) {
    }

    private static String name(IpvsDestination d) {
        String a = org.jkeepalived.config.model.AddressText.of(d.address());
        return (d.addressFamily() == IpvsAddressFamily.INET6 ? "[" + a + "]" : a) + ":" + d.port();
    }

    /** The request for a change (pure). */
    static byte[] encode(IpvsChange c, int family, int seq) {
        if (c instanceof AddService a) {
            return IpvsCodec.newService(family, seq, a.spec());
        } else if (c instanceof UpdateService u) {
            return IpvsCodec.setService(family, seq, u.spec());
        } else if (c instanceof DeleteService d) {
            return IpvsCodec.delService(family, seq, d.service());
        } else if (c instanceof AddDestination a) {
            return IpvsCodec.newDestination(family, seq, a.service(), a.destination());
        } else if (c instanceof UpdateDestination u) {
            return IpvsCodec.setDestination(family, seq, u.service(), u.destination());
        } else {
            DeleteDestination d = (DeleteDestination) c;
            return IpvsCodec.delDestination(family, seq, d.service(), d.destination());
        }
    }
}
