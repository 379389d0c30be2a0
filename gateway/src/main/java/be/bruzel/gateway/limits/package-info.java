/**
 * What any one caller may send: bodies of bounded size, and requests at a bounded rate per person
 * and per address, counted in buckets every gateway instance shares.
 */
package be.bruzel.gateway.limits;
