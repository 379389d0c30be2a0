/**
 * Statistical disclosure control shared by every table the service publishes: small counts suppressed with
 * the cells that would reveal them, and what is shown perturbed by the cell key method.
 */
package be.bruzel.statisticsservice.disclosure;
