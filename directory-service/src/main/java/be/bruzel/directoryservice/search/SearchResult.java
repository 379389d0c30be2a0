package be.bruzel.directoryservice.search;

import java.util.List;

/** A page of services found, with the number found in all. */
public record SearchResult(List<ServiceSummary> items, int page, int size, long total) {}
