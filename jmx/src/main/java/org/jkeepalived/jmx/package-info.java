/**
 * jkeepalived's management contract: the MXBean interfaces (open types only, so that JConsole shows
 * everything), their ObjectNames, and the Jolokia access policy that ships as the default.
 */
package org.jkeepalived.jmx;
