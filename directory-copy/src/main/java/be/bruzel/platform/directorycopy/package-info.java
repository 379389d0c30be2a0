/**
 * A service's own copy of the directory (themes, territory, services, routing rules), kept from
 * directory-service's compacted topics, and the questions asked of it: where a postcode lies on a
 * day, which rules apply there, what things are called, which organisations cover what.
 */
package be.bruzel.platform.directorycopy;
