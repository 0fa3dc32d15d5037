/**
 * The example network on one machine, for {@code lexgate demo} and the end-to-end tests:
 * {@link org.lexgate.gateway.network.LoopbackNetwork} (test PKI, directory with loopback endpoints,
 * one configuration per node, start/stop), {@link org.lexgate.gateway.network.Requests} (the
 * example requests), {@link org.lexgate.gateway.network.ScriptedBackOffice} (a provider's staff
 * answering through the file drop) and {@link org.lexgate.gateway.network.Demo}. NOT FOR PRODUCTION:
 * everything here uses the test PKI.
 */
package org.lexgate.gateway.network;
