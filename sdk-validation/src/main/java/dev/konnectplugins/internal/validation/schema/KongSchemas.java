package dev.konnectplugins.internal.validation.schema;

import dev.konnectplugins.internal.validation.sandbox.TypedefValidator;
import java.util.LinkedHashSet;
import java.util.Set;
import org.luaj.vm2.LuaValue;

/**
 * Kong's schemas that the validator checks plugins against, read once from this package's data files: the
 * restricted metaschema of streamed plugins and the plugins entity. Their tables are only ever read, so one copy
 * serves every thread.
 */
public final class KongSchemas {
    /** The metaschema's data file. */
    public static final String METASCHEMA_RESOURCE = "restricted-metaschema.json";
    /** The plugins entity's data file. */
    public static final String PLUGINS_RESOURCE = "plugins-entity.json";

    private static final SchemaData METASCHEMA = SchemaData.load(METASCHEMA_RESOURCE, KongSchemas::function);
    private static final LuaValue RESTRICTED = METASCHEMA.schema();
    private static final SchemaData PLUGINS = SchemaData.load(PLUGINS_RESOURCE, KongSchemas::function);
    private static final LuaValue PLUGINS_ENTITY = PLUGINS.schema();
    private static final Set<String> ENTITIES = entities(PLUGINS);

    /** MetaSchema.RestrictedMetaSubSchema's definition. */
    public static LuaValue restrictedMetaSchema() {
        return RESTRICTED;
    }

    /** The plugins entity's definition. */
    public static LuaValue pluginsEntity() {
        return PLUGINS_ENTITY;
    }

    /** The entities a foreign field may reference. */
    public static Set<String> entities() {
        return ENTITIES;
    }

    /** The metaschema data's {@code source} line (the Kong file and commit). */
    public static String metaschemaSource() {
        return METASCHEMA.source();
    }

    /** A new engine over these schemas, charging {@code hooks}. */
    public static SchemaEngine engine(SchemaHooks hooks) {
        return new SchemaEngine(hooks, ENTITIES);
    }

    /** The functions the data files name: Kong's typedef validators and kong.db.schema.json's. */
    static LuaValue function(String name) {
        if (name.startsWith("typedefs.")) {
            return TypedefValidator.forTypedef(name.substring("typedefs.".length()));
        }
        return KongFunction.named(name);
    }

    private static Set<String> entities(SchemaData data) {
        Set<String> names = new LinkedHashSet<>();
        data.json().path("entities").forEach(n -> names.add(n.asText()));
        return Set.copyOf(names);
    }

    private KongSchemas() {
    }
}
