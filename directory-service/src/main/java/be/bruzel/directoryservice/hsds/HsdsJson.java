package be.bruzel.directoryservice.hsds;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** HSDS JSON: HSDS's own snake_case field names; fields other maps add are ignored. */
public final class HsdsJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_EMPTY))
            .build();

    private HsdsJson() {}

    /**
     * @throws tools.jackson.core.JacksonException when the bytes are not JSON of an HSDS data set
     * @throws IllegalArgumentException when they are JSON {@code null}
     */
    public static HsdsDataSet read(byte[] json) {
        HsdsDataSet dataSet = MAPPER.readValue(json, HsdsDataSet.class);
        if (dataSet == null) {
            throw new IllegalArgumentException("null is no data set");
        }
        return dataSet;
    }

    public static byte[] write(HsdsDataSet dataSet) {
        return MAPPER.writeValueAsBytes(dataSet);
    }
}
