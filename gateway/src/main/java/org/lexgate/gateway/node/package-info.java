/**
 * The node: its configuration, its assembly and its lifecycle (issue 4 items 1 and 9).
 *
 * <ul>
 *   <li>{@link org.lexgate.gateway.node.NodeConfigLoader} reads one XML file ({@code node-config.xsd}
 *       in this package's resources documents every setting and its default), checks every file and
 *       secret it names, and reports every error as {@code file:line: reason}
 *       ({@link org.lexgate.gateway.node.NodeConfigException}); the result is a
 *       {@link org.lexgate.gateway.node.NodeConfig} and the loaded party directory.</li>
 *   <li>{@link org.lexgate.gateway.node.Node} starts store → broker → keys → Camel routes → role
 *       handler → endpoints, and stops them in reverse ({@code lexgate serve}). The endpoints are the
 *       SOAP hop, ETSI HTTP POST and, beside it, the emergency intake (a second ETSI POST listener
 *       with workers of its own, §30), and the inbound queue.</li>
 *   <li>{@link org.lexgate.gateway.node.HopSetup}: the SOAP hop's keys, trust anchors (default: the
 *       directory's) and neighbour policies.</li>
 *   <li>{@link org.lexgate.gateway.node.RoleFactory}: where the node gets its role handler.</li>
 * </ul>
 */
package org.lexgate.gateway.node;
