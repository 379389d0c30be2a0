package be.bruzel.directoryservice.search;

import be.bruzel.directoryservice.figures.LiveFigures;
import java.util.List;
import java.util.Map;

/** A page of services found, with the number found in all. */
public record SearchResult(List<ServiceSummary> items, int page, int size, long total) {

    SearchResult withFigures(Map<String, LiveFigures> figures) {
        return new SearchResult(
                items.stream()
                        .map(item -> item.withFigures(figures.get(item.id())))
                        .toList(),
                page,
                size,
                total);
    }
}
