package be.bruzel.directoryservice.hsds;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The HSDS API's {@code Page}: one page of a list, numbered from 1, and where it lies in the whole. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record HsdsPage(
        long totalItems,
        int totalPages,
        int pageNumber,
        int size,
        boolean firstPage,
        boolean lastPage,
        boolean empty,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<JsonNode> contents) {

    static HsdsPage of(List<JsonNode> contents, long totalItems, int pageNumber, int perPage) {
        int totalPages = (int) ((totalItems + perPage - 1) / perPage);
        return new HsdsPage(
                totalItems,
                totalPages,
                pageNumber,
                contents.size(),
                pageNumber == 1,
                pageNumber >= totalPages,
                contents.isEmpty(),
                contents);
    }
}
