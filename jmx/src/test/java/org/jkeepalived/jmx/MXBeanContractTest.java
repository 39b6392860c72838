package org.jkeepalived.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import javax.management.JMX;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import javax.management.openmbean.OpenMBeanAttributeInfo;
import javax.management.openmbean.OpenType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The management contract is valid: MXBeans whose every attribute and operation uses open types only. */
class MXBeanContractTest {
    private static final List<Class<?>> INTERFACES = List.of(DaemonMXBean.class, VrrpInstanceMXBean.class,
            SyncGroupMXBean.class, VirtualServerMXBean.class, RealServerMXBean.class, ScriptMXBean.class);

    @ParameterizedTest
    @ValueSource(classes = {DaemonMXBean.class, VrrpInstanceMXBean.class, SyncGroupMXBean.class,
            VirtualServerMXBean.class, RealServerMXBean.class, ScriptMXBean.class})
    void isAnMXBeanWithOpenTypesOnly(Class<?> type) throws Exception {
        assertThat(JMX.isMXBeanInterface(type)).isTrue();
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        ObjectName name = new ObjectName(ObjectNames.DOMAIN + ":type=Test");
        server.registerMBean(trivial(type), name);

        MBeanInfo info = server.getMBeanInfo(name);
        assertThat(info.getAttributes()).isNotEmpty();
        for (MBeanAttributeInfo a : info.getAttributes()) {
            assertThat(openType(a.getDescriptor().getFieldValue("openType"))).as(a.getName()).isNotNull();
            assertThat(a.isWritable()).as(a.getName() + " is read-only: changes are operations").isFalse();
            // Every attribute reads through the server (the proxy answers each type's default).
            server.getAttribute(name, a.getName());
        }
        for (MBeanOperationInfo op : info.getOperations()) {
            assertThat(openType(op.getDescriptor().getFieldValue("openType"))).as(op.getName()).isNotNull();
            assertThat(op.getReturnType()).as(op.getName() + " returns its outcome").isEqualTo("java.lang.String");
        }
        assertThat(info.getAttributes()).allMatch(a -> a instanceof OpenMBeanAttributeInfo
                || a.getDescriptor().getFieldValue("openType") != null);
    }

    @Test
    void everyInterfaceIsCovered() {
        // The parameterized list above must follow the contract's interfaces.
        assertThat(INTERFACES).hasSize(6).allMatch(JMX::isMXBeanInterface);
    }

    @Test
    void dropsAreATableKeyedByReason() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        ObjectName name = ObjectNames.vrrpInstance("VI_1");
        server.registerMBean(trivial(VrrpInstanceMXBean.class), name);
        Object drops = server.getAttribute(name, "Drops");
        assertThat(drops).isInstanceOf(javax.management.openmbean.TabularData.class);
        assertThat(((javax.management.openmbean.TabularData) drops).getTabularType().getIndexNames())
                .containsExactly("key");
    }

    @Test
    void namesFollowTheScheme() throws Exception {
        assertThat(ObjectNames.daemon()).hasToString("jkeepalived:type=Daemon");
        assertThat(ObjectNames.vrrpInstance("VI_1")).hasToString("jkeepalived:type=VrrpInstance,name=VI_1");
        assertThat(ObjectNames.syncGroup("G1")).hasToString("jkeepalived:type=SyncGroup,name=G1");
        assertThat(ObjectNames.script("chk")).hasToString("jkeepalived:type=Script,name=chk");
        assertThat(ObjectNames.virtualServer("[192.0.2.1]:tcp:80"))
                .hasToString("jkeepalived:type=VirtualServer,name=\"[192.0.2.1]:tcp:80\"");
        ObjectName rs = ObjectNames.realServer("[2001:db8::1]:tcp:80", "[2001:db8::a]:tcp:8080");
        assertThat(rs).hasToString(
                "jkeepalived:type=RealServer,virtualServer=\"[2001:db8::1]:tcp:80\",name=\"[2001:db8::a]:tcp:8080\"");
        assertThat(ObjectNames.unquoted(rs, "virtualServer")).isEqualTo("[2001:db8::1]:tcp:80");
        assertThat(ObjectNames.unquoted(rs, "name")).isEqualTo("[2001:db8::a]:tcp:8080");
        assertThat(ObjectNames.unquoted(ObjectNames.vrrpInstance("VI_1"), "name")).isEqualTo("VI_1");
        assertThat(ObjectNames.virtualServer("FWM 5")).hasToString("jkeepalived:type=VirtualServer,name=FWM 5");
        assertThat(ObjectNames.ALL.apply(rs)).isTrue();
        assertThat(ObjectNames.allOfType(ObjectNames.REAL_SERVER).apply(rs)).isTrue();
        assertThat(ObjectNames.allOfType(ObjectNames.VIRTUAL_SERVER).apply(rs)).isFalse();
    }

    @Test
    void awkwardNamesRoundTrip() {
        for (String n : List.of("a,b", "a=b", "a\"b", "a*b", "a?b", "a\\b", "x y")) {
            ObjectName on = ObjectNames.vrrpInstance(n);
            assertThat(ObjectNames.unquoted(on, "name")).isEqualTo(n);
            assertThat(on.isPattern()).isFalse();
        }
        assertThatThrownBy(() -> ObjectNames.vrrpInstance("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultPolicyShips() throws Exception {
        try (var in = ObjectNames.class.getResourceAsStream("/org/jkeepalived/jmx/jolokia-access.xml")) {
            assertThat(in).as("the default Jolokia policy on the classpath").isNotNull();
            String xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String body = xml.replaceAll("(?s)<!--.*?-->", "");
            // read is granted per MBean by <allow>, so it must not be a blanket command.
            assertThat(body).doesNotContain("<command>read</command>").doesNotContain("<command>write</command>")
                    .doesNotContain("<command>exec</command>").doesNotContain("<operation>")
                    .contains("<name>jkeepalived:*</name>").contains("<name>java.lang:*</name>");
            javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    private static Object openType(Object o) {
        return o instanceof OpenType<?> ? o : null;
    }

    /** An implementation answering every call with its type's default: enough to build the MBeanInfo and read. */
    @SuppressWarnings("unchecked")
    private static <T> StandardMBean trivial(Class<T> type) {
        T impl = (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> defaultFor(method));
        return new StandardMBean(impl, type, true);
    }

    private static Object defaultFor(Method m) {
        Class<?> r = m.getReturnType();
        if (r == boolean.class) {
            return false;
        }
        if (r == int.class) {
            return 0;
        }
        if (r == long.class) {
            return 0L;
        }
        if (r == String.class) {
            return "";
        }
        if (r == String[].class) {
            return new String[0];
        }
        if (r == Map.class) {
            return Map.of("A", m.getGenericReturnType().getTypeName().contains("Long") ? (Object) 1L : "x");
        }
        throw new AssertionError("unexpected return type " + r + " of " + m);
    }
}
