/**
 * Untrusted bytes to DOM, in one streaming pass with limits: {@link org.lexgate.message.xml.HardenedXml}
 * and its {@link org.lexgate.message.xml.XmlLimits}. No DOCTYPE, entity, XInclude or fetch ever
 * gets through; each breach has its own {@link org.lexgate.message.ErrorCode}.
 */
package org.lexgate.message.xml;
