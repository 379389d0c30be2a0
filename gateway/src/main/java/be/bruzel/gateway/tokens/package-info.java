/**
 * One token per service: the gateway exchanges the caller's token (from their session, or their own
 * bearer token) at the identity provider for one meant for the single service it calls (RFC 8693),
 * so a token that leaks from one service opens no other.
 */
package be.bruzel.gateway.tokens;
