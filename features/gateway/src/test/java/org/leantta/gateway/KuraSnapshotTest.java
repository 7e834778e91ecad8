package org.leantta.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KuraSnapshotTest {

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<esf:configurations xmlns:esf=\"http://eurotech.com/esf/2.0\""
            + " xmlns:ocd=\"http://www.osgi.org/xmlns/metatype/v1.2.0\">\n";

    private static KuraSnapshot parse(String body) throws IOException {
        return KuraSnapshot.parse(new ByteArrayInputStream((HEAD + body + "</esf:configurations>")
                .getBytes(StandardCharsets.UTF_8)), "test.xml");
    }

    private static String property(String name, String type, boolean array, String... values) {
        StringBuilder sb = new StringBuilder("<esf:property name=\"" + name + "\" type=\"" + type + "\" array=\""
                + array + "\" encrypted=\"false\">");
        for (String v : values) {
            sb.append("<esf:value>").append(v).append("</esf:value>");
        }
        return sb.append("</esf:property>").toString();
    }

    private static String configuration(String pid, String... properties) {
        return "<esf:configuration pid=\"" + pid + "\"><esf:properties>" + String.join("", properties)
                + "</esf:properties></esf:configuration>";
    }

    @Test
    void mapsEveryKuraTypeToItsJavaType() throws IOException {
        KuraSnapshot s = parse(configuration("a.pid",
                property("s", "String", false, " spaced "),
                property("l", "Long", false, "9000000000"),
                property("d", "Double", false, "0.25"),
                property("f", "Float", false, "1.5"),
                property("i", "Integer", false, " 42 "),
                property("b", "Byte", false, "-7"),
                property("c", "Char", false, "xyz"),
                property("z", "Boolean", false, "TRUE"),
                property("h", "Short", false, "300"),
                property("p", "Password", false, "secret")));

        assertThat(s.configurations()).containsOnlyKeys("a.pid");
        Map<String, Object> p = s.configurations().get("a.pid");
        assertThat(p).containsExactly(
                Map.entry("s", " spaced "), Map.entry("l", 9_000_000_000L), Map.entry("d", 0.25),
                Map.entry("f", 1.5f), Map.entry("i", 42), Map.entry("b", (byte) -7), Map.entry("c", 'x'),
                Map.entry("z", true), Map.entry("h", (short) 300), Map.entry("p", "secret"));
    }

    @Test
    void arraysBecomeBoxedArraysAndMayBeEmpty() throws IOException {
        Map<String, Object> p = parse(configuration("a.pid",
                property("topics", "String", true, "a/b", "c/d"),
                property("ints", "Integer", true, "1", "2", "3"),
                property("flags", "Boolean", true, "true", "false"),
                property("none", "Long", true))).configurations().get("a.pid");

        assertThat(p.get("topics")).isEqualTo(new String[] {"a/b", "c/d"});
        assertThat(p.get("ints")).isEqualTo(new Integer[] {1, 2, 3});
        assertThat(p.get("flags")).isEqualTo(new Boolean[] {true, false});
        assertThat(p.get("none")).isEqualTo(new Long[0]);
    }

    @Test
    void keepsDocumentOrderSkipsOcdAndReadsEmptyStrings() throws IOException {
        KuraSnapshot s = parse(configuration("z.second", property("e", "String", false, ""))
                + "<esf:configuration pid=\"a.third\"><ocd:OCD id=\"a.third\" name=\"x\"/><esf:properties>"
                + property("k", "Long", false, "1") + "</esf:properties></esf:configuration>"
                + configuration("m.empty"));

        assertThat(s.configurations().keySet()).containsExactly("z.second", "a.third", "m.empty");
        assertThat(s.configurations().get("z.second")).containsEntry("e", "");
        assertThat(s.configurations().get("a.third")).containsExactly(Map.entry("k", 1L));
        assertThat(s.configurations().get("m.empty")).isEmpty();
    }

    @Test
    void encryptedPasswordIsKeptVerbatim() throws IOException {
        Map<String, Object> p = parse(configuration("a.pid", "<esf:property name=\"pw\" type=\"Password\""
                + " array=\"false\" encrypted=\"true\"><esf:value>AbC123==</esf:value></esf:property>"))
                .configurations().get("a.pid");
        assertThat(p).containsEntry("pw", "AbC123==");
    }

    @Test
    void unknownTypeNamesPidAndProperty() {
        assertThatThrownBy(() -> parse(configuration("my.pid", property("rate", "Decimal", false, "1"))))
                .isInstanceOf(KuraSnapshot.SnapshotException.class)
                .hasMessageContaining("test.xml").hasMessageContaining("my.pid").hasMessageContaining("rate")
                .hasMessageContaining("unknown type 'Decimal'");
    }

    @Test
    void unparsableValueNamesPidPropertyAndValue() {
        assertThatThrownBy(() -> parse(configuration("my.pid", property("port", "Integer", false, "80a"))))
                .hasMessageContaining("my.pid").hasMessageContaining("'port'").hasMessageContaining("'80a'")
                .hasMessageContaining("Integer");
        assertThatThrownBy(() -> parse(configuration("my.pid", property("ids", "Short", true, "1", "99999"))))
                .hasMessageContaining("'ids'[1]").hasMessageContaining("'99999'");
        assertThatThrownBy(() -> parse(configuration("my.pid", property("on", "Boolean", false, "yes"))))
                .hasMessageContaining("'on'").hasMessageContaining("Boolean");
        assertThatThrownBy(() -> parse(configuration("my.pid", property("c", "Char", false, ""))))
                .hasMessageContaining("'c'").hasMessageContaining("Char");
    }

    @Test
    void scalarNeedsExactlyOneValue() {
        assertThatThrownBy(() -> parse(configuration("my.pid", property("x", "String", false))))
                .hasMessageContaining("'x'").hasMessageContaining("found 0");
        assertThatThrownBy(() -> parse(configuration("my.pid", property("x", "Long", false, "1", "2"))))
                .hasMessageContaining("'x'").hasMessageContaining("found 2");
    }

    @Test
    void rejectsStructuralErrors() {
        assertThatThrownBy(() -> KuraSnapshot.parse(new ByteArrayInputStream("<a/>".getBytes()), "x.xml"))
                .hasMessageContaining("x.xml").hasMessageContaining("root element");
        assertThatThrownBy(() -> KuraSnapshot.parse(new ByteArrayInputStream("<a>".getBytes()), "x.xml"))
                .isInstanceOf(KuraSnapshot.SnapshotException.class).hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> parse(configuration("")))
                .hasMessageContaining("without a pid");
        assertThatThrownBy(() -> parse(configuration("dup") + configuration("dup")))
                .hasMessageContaining("'dup' appears twice");
        assertThatThrownBy(() -> parse(configuration("p", property("", "String", false, "v"))))
                .hasMessageContaining("without a name");
    }

    @Test
    void refusesDoctypes() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<esf:configurations xmlns:esf=\"http://eurotech.com/esf/2.0\"/>";
        assertThatThrownBy(() -> KuraSnapshot.parse(new ByteArrayInputStream(xxe.getBytes()), "x.xml"))
                .isInstanceOf(KuraSnapshot.SnapshotException.class);
    }

    @Test
    void readsAFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("snapshot_1.xml");
        Files.writeString(f, HEAD + configuration("f.pid", property("v", "Double", false, "2"))
                + "</esf:configurations>");
        assertThat(KuraSnapshot.read(f).configurations().get("f.pid")).containsEntry("v", 2.0);
    }
}
