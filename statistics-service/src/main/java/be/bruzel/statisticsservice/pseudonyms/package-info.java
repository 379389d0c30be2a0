/** Users by a keyed pseudonym: the statistics count referrers and usability answers without knowing who gave them. */
package be.bruzel.statisticsservice.pseudonyms;
