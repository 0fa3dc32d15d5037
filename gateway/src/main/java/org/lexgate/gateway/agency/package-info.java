/**
 * The agency role: {@link org.lexgate.gateway.agency.AgencyDesk} issues requests (recording the
 * requester's side of the status) and records the answers against its cases (the provider's side):
 * deliveries (checksum checked), refusals with their reason, status notifications, attached signed
 * answers, and the follow-up of its preservations (§35, §37).
 */
package org.lexgate.gateway.agency;
