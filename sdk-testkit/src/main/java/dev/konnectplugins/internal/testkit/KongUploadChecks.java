package dev.konnectplugins.internal.testkit;

import dev.konnectplugins.validation.PluginValidator;
import dev.konnectplugins.validation.UploadRefusal;
import java.util.List;

/**
 * Kong's checks of a custom plugin's upload, as Konnect runs them on POST and PUT: sdk-validation's upload-stage
 * checks (both files compiled and run in Kong's sandbox, the metaschema, PRIORITY, VERSION, init_worker, the name
 * rules, Konnect's 100 KB), worded as Kong words them. The fake holds no Lua knowledge of its own.
 */
final class KongUploadChecks {
    /** Thread-safe and reusable; it bounds how many validations run at once. */
    private static final PluginValidator VALIDATOR = PluginValidator.builder().build();

    private KongUploadChecks() {
    }

    /** Every field Kong refuses, each with Kong's message; empty when Konnect would store the plugin. */
    static List<FieldError> refusals(String name, String handler, String schema) {
        List<UploadRefusal> refusals = VALIDATOR.checkUpload(name, handler, schema);
        return refusals.stream().map(refusal -> new FieldError(refusal.field(), refusal.message())).toList();
    }
}
