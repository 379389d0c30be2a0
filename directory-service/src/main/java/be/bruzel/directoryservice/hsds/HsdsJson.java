package be.bruzel.directoryservice.hsds;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** HSDS JSON: HSDS's own snake_case field names; fields other maps add are ignored. */
public final class HsdsJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_EMPTY))
            .build();

    /**
     * A data set as received, before it is read into records: its organizations and services as
     * JSON trees, each list with the JSON pointer where it lies in the document received, so that
     * a schema's error names the place in what the sender sent.
     *
     * @param tablesNotKept tables of the tabular form that the platform does not keep
     */
    record Received(
            ArrayNode organizations,
            String organizationsAt,
            ArrayNode services,
            String servicesAt,
            List<String> tablesNotKept) {

        HsdsDataSet dataSet() {
            ObjectNode tree = MAPPER.createObjectNode();
            tree.put("hsds_version", HsdsDataSet.VERSION);
            tree.set("organizations", organizations);
            tree.set("services", services);
            return MAPPER.treeToValue(tree, HsdsDataSet.class);
        }
    }

    private HsdsJson() {}

    /**
     * @throws tools.jackson.core.JacksonException when the bytes are not JSON of an HSDS data set
     * @throws IllegalArgumentException when they are JSON, but not of a data set
     */
    public static HsdsDataSet read(byte[] json) {
        return received(json).dataSet();
    }

    /**
     * The forms other publishers use: an object with {@code organizations} and {@code services} (the
     * platform's export), an array of services, or a page of the HSDS API ({@code contents}).
     */
    static Received received(byte[] json) {
        JsonNode document = MAPPER.readTree(json);
        if (document instanceof ArrayNode services) {
            return new Received(MAPPER.createArrayNode(), "/organizations", services, "", List.of());
        }
        if (document instanceof ObjectNode object) {
            if (object.get("contents") instanceof ArrayNode contents) {
                return new Received(MAPPER.createArrayNode(), "/organizations", contents, "/contents", List.of());
            }
            JsonNode organizations = object.path("organizations");
            JsonNode services = object.path("services");
            if ((organizations.isArray() || organizations.isMissingNode())
                    && (services.isArray() || services.isMissingNode())
                    && !(organizations.isMissingNode() && services.isMissingNode())) {
                return new Received(
                        organizations.isArray() ? (ArrayNode) organizations : MAPPER.createArrayNode(),
                        "/organizations",
                        services.isArray() ? (ArrayNode) services : MAPPER.createArrayNode(),
                        "/services",
                        List.of());
            }
        }
        throw new IllegalArgumentException(
                "not an HSDS data set: an object with organizations and services arrays, an array of services,"
                        + " or a page of services (contents) was expected");
    }

    public static byte[] write(Object hsds) {
        return MAPPER.writeValueAsBytes(hsds);
    }

    /** Indented, for a file people read and diff (the demo data). */
    public static byte[] writeIndented(Object hsds) {
        return MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(hsds);
    }
}
