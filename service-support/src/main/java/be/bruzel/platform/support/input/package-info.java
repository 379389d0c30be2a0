/** Input every service refuses alike, whatever its own rules: control characters, oversized JSON. */
package be.bruzel.platform.support.input;
