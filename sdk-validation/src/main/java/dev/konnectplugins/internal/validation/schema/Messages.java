package dev.konnectplugins.internal.validation.schema;

/** Kong's validation_errors (kong/db/schema/init.lua at Kong/kong f6b4167a), the ones the engine produces. */
final class Messages {
    static final String ARRAY = "expected an array";
    static final String SET = "expected a set";
    static final String MAP = "expected a map";
    static final String RECORD = "expected a record";
    static final String STRING = "expected a string";
    static final String NUMBER = "expected a number";
    static final String BOOLEAN = "expected a boolean";
    static final String INTEGER = "expected an integer";
    static final String FUNCTION = "expected a function";
    static final String EQ = "value must be %s";
    static final String NE = "value must not be %s";
    static final String GT = "value must be greater than %s";
    static final String BETWEEN = "value should be between %s and %s";
    static final String LEN_EQ = "length must be %s";
    static final String LEN_MIN = "length must be at least %s";
    static final String LEN_MAX = "length must be at most %s";
    static final String INVALID_VALUE = "invalid value: %s";
    static final String STARTS_WITH = "should start with: %s";
    static final String CONTAINS = "expected to contain: %s";
    static final String ONE_OF = "expected one of: %s";
    static final String NOT_ONE_OF = "must not be one of: %s";
    static final String IS_REGEX = "not a valid regex: %s";
    static final String TIMESTAMP = "expected a valid timestamp";
    static final String UUID = "expected a valid UUID";
    static final String VALIDATION = "failed validating: %s";
    static final String BAD_INPUT = "expected an input table";
    static final String REQUIRED = "required field missing";
    static final String UNKNOWN = "unknown field";
    static final String REQUIRED_FOR_ENTITY_CHECK = "field required for entity check";
    static final String ENTITY_CHECK = "failed entity check: %s(%s)";
    static final String CONDITIONAL = "failed conditional validation given value of field '%s'";
    static final String AT_LEAST_ONE_OF = "at least one of these fields must be non-empty: %s";
    static final String ONLY_ONE_OF = "exactly one of these fields must be non-empty: %s";
    static final String DISTINCT = "values of these fields must be distinct: %s";
    static final String MUTUALLY_REQUIRED = "all or none of these fields must be set: %s";
    static final String MUTUALLY_EXCLUSIVE = "only one or none of these fields must be set: %s";
    static final String MUTUALLY_EXCLUSIVE_SETS = "these sets are mutually exclusive: %s";
    static final String SCHEMA_CANNOT_VALIDATE = "error in schema prevents from validating this field";
    static final String SCHEMA_TYPE = "invalid type: %s";
    static final String SUBSCHEMA_ABSTRACT_FIELD = "error in schema definition: abstract field was not specialized";
    static final String SCHEMA_BAD_REFERENCE = "schema refers to an invalid foreign entity: %s";

    /** The message of an entity checker, by name (validation_errors[name:upper()]). */
    static String entityCheck(String checker) {
        return switch (checker) {
            case "conditional" -> CONDITIONAL;
            case "at_least_one_of", "conditional_at_least_one_of" -> AT_LEAST_ONE_OF;
            case "only_one_of" -> ONLY_ONE_OF;
            case "distinct" -> DISTINCT;
            case "mutually_required" -> MUTUALLY_REQUIRED;
            case "mutually_exclusive" -> MUTUALLY_EXCLUSIVE;
            case "mutually_exclusive_sets" -> MUTUALLY_EXCLUSIVE_SETS;
            default -> null;
        };
    }

    private Messages() {
    }
}
