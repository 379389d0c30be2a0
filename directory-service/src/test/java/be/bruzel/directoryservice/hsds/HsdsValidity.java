package be.bruzel.directoryservice.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;

/**
 * Asserts that what the platform says in HSDS is valid against the official HSDS 3.0 schemas,
 * {@code format} keywords included: the compiled object schemas, the API's {@code Page} (from the
 * official {@code openapi.json}), and the taxonomy and term schemas as the compiled service schema
 * inlines them.
 */
final class HsdsValidity {

    static final HsdsSchemas SCHEMAS = new HsdsSchemas();

    private static final SchemaRegistry REGISTRY = HsdsSchemas.REGISTRY;

    static final Schema PAGE = REGISTRY.getSchema(
            read("hsds-3.0/openapi.json").path("components").path("schemas").path("Page"));

    static final Schema TAXONOMY_TERM = REGISTRY.getSchema(read("hsds-3.0/schema/service.json")
            .path("properties")
            .path("attributes")
            .path("items")
            .path("properties")
            .path("taxonomy_term"));

    static final Schema TAXONOMY =
            REGISTRY.getSchema(TAXONOMY_TERM.getSchemaNode().path("properties").path("taxonomy_detail"));

    private HsdsValidity() {}

    /** Every object of the list valid against the schema file, e.g. {@code service.json}. */
    static void assertEachValid(String schema, Iterable<JsonNode> objects) {
        assertThat(objects).as("objects to check").isNotEmpty();
        for (JsonNode object : objects) {
            assertThat(SCHEMAS.breaches(schema, object, "", Locale.ENGLISH))
                    .as("%s against %s", object.path("id"), schema)
                    .isEmpty();
        }
    }

    static void assertValid(Schema schema, JsonNode object) {
        List<String> errors = schema.validate(object).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .toList();
        assertThat(errors).as("%s", object.path("id")).isEmpty();
    }

    /** A page of the HSDS API: the envelope is a {@code Page} and each item is valid against the schema file. */
    static void assertPageOf(String schema, JsonNode page) {
        assertValid(PAGE, page);
        assertEachValid(schema, page.path("contents"));
    }

    static JsonNode read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return HsdsJson.MAPPER.readTree(in);
        } catch (IOException missing) {
            throw new UncheckedIOException(missing);
        }
    }
}
