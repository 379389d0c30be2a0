/**
 * BruZEL's indicator 9, usability: each user of the platform is offered, in the app, the System Usability Scale (ten
 * statements, each from 1 "strongly disagree" to 5 "strongly agree", scored 0 to 100) once every six months; they may
 * answer or decline, and either way are not asked again for six months. Answers are kept by the user's pseudonym and
 * role, and published only as an average over at least as many answers as any count needs to be shown.
 */
package be.bruzel.statisticsservice.usability;
