package be.bruzel.directoryservice.hsds;

import com.networknt.org.apache.commons.validator.routines.DomainValidator;
import com.networknt.org.apache.commons.validator.routines.EmailValidator;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.EmailFormat;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The official HSDS 3.0 JSON Schemas ({@code hsds-3.0/schema}, copied unchanged), {@code format}
 * keywords asserted: what an import must satisfy and what every export and API answer satisfies.
 * A schema is loaded on first use (the compiled ones inline every nested object and weigh megabytes).
 */
@Component
public class HsdsSchemas {

    public static final String ORGANIZATION = "organization.json";
    public static final String SERVICE = "service.json";
    public static final String SERVICE_AT_LOCATION = "service_at_location.json";
    public static final String ORGANIZATION_LIST = "organization_list.json";
    public static final String SERVICE_LIST = "service_list.json";
    public static final String SERVICE_AT_LOCATION_LIST = "service_at_location_list.json";

    /** Where an object breaks its schema: a JSON pointer into the document, and why. */
    public record Breach(String pointer, String message) {}

    /**
     * JSON Schema 2020-12 with {@code format} asserted. An {@code email} is an RFC 5321 mailbox, whose
     * domain the validator also checks against the delegated top-level domains; {@code .example},
     * reserved for examples by RFC 2606 (the demo's mailboxes), counts as one too. The keywords HSDS
     * adds for its tabular form and documentation are annotations, not checks.
     */
    static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            Dialect.builder(Dialects.getDraft202012())
                    .format(new EmailFormat(new EmailValidator(
                            false,
                            false,
                            DomainValidator.getInstance(
                                    false,
                                    List.of(new DomainValidator.Item(
                                            DomainValidator.ArrayType.GENERIC_PLUS, "example"))))))
                    .keywords(Stream.of(
                                    "constraints",
                                    "core",
                                    "datapackage_metadata",
                                    "datapackage_type",
                                    "example",
                                    "name",
                                    "path",
                                    "tabular_required")
                            .map(NonValidationKeyword::new)
                            .toList())
                    .build(),
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true)
                    .pathType(PathType.JSON_POINTER)
                    .build()));

    private final Map<String, Schema> loaded = new ConcurrentHashMap<>();

    /**
     * @param at the JSON pointer of the object in its document, which every breach's pointer starts with
     * @param locale the language of the messages
     */
    public List<Breach> breaches(String schema, JsonNode object, String at, Locale locale) {
        return loaded
                .computeIfAbsent(schema, this::load)
                .validate(
                        object,
                        context -> context.executionConfig(
                                config -> config.locale(locale).formatAssertionsEnabled(true)))
                .stream()
                .map(error -> new Breach(at + error.getInstanceLocation(), error.getMessage()))
                .toList();
    }

    private Schema load(String name) {
        try (InputStream in = new ClassPathResource("hsds-3.0/schema/" + name).getInputStream()) {
            return REGISTRY.getSchema(in);
        } catch (IOException missing) {
            throw new UncheckedIOException(missing);
        }
    }
}
