package dev.konnectplugins.internal.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LuaSchemaNameTest {

    @Test
    void readsALiteralNameInTheReturnedTable() {
        assertThat(LuaSchemaName.of("return { name = \"my-plugin\", fields = {} }")).hasValue("my-plugin");
        assertThat(LuaSchemaName.of("return {\n  name = 'single',\n  fields = {}\n}")).hasValue("single");
    }

    @Test
    void resolvesATopLevelConstant() {
        String schema = "local typedefs = require \"kong.db.schema.typedefs\"\n"
                + "local PLUGIN_NAME = \"from-constant\"\n"
                + "local schema = {\n  name = PLUGIN_NAME,\n  fields = { { config = { type = \"record\" } } },\n}\n"
                + "return schema\n";

        assertThat(LuaSchemaName.of(schema)).hasValue("from-constant");
    }

    @Test
    void ignoresNestedNamesCommentsAndStrings() {
        String schema = "-- name = \"in-comment\"\n--[[ return { name = \"long-comment\" } ]]\n"
                + "local doc = [[ { name = \"long-string\" } ]]\n"
                + "return {\n  fields = { { name = { type = \"string\" } } },\n  name = \"real\",\n}\n";

        assertThat(LuaSchemaName.of(schema)).hasValue("real");
    }

    @Test
    void ignoresComparisonsAndFieldAccess() {
        assertThat(LuaSchemaName.of("return { x = a.name == \"no\", [\"k\"] = 1, name = \"yes\" }")).hasValue("yes");
    }

    @Test
    void emptyWhenThereIsNoName() {
        assertThat(LuaSchemaName.of("return { fields = {} }")).isEmpty();
        assertThat(LuaSchemaName.of("return { name = computed() }")).isEmpty();
        assertThat(LuaSchemaName.of("")).isEmpty();
        assertThat(LuaSchemaName.of(null)).isEmpty();
    }
}
