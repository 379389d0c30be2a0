/**
 * People's web sessions, kept in the gateway's own PostgreSQL database (Spring Session JDBC): a
 * restart or a second gateway instance keeps them signed in. A session exists only from the moment
 * sign-in starts; until sign-in completes it lives minutes, not the full idle timeout, and expired
 * sessions are purged on a schedule.
 */
package be.bruzel.gateway.sessions;
