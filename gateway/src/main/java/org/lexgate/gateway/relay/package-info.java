/**
 * The contact-point role: the 24/7 network (DESIGN.md "Cross-border", "The legal basis picks the
 * route"; guidelines §35–§37; Budapest Convention Art. 29, 35).
 * <ul>
 *   <li>{@link org.lexgate.gateway.relay.ContactPointRelay}: a request for a provider is routed by the
 *       directory's table (destination country + legal basis) and FORWARDED unchanged or GIVEN EFFECT
 *       ({@link org.lexgate.gateway.relay.GiveEffect}: a domestic request carrying the foreign signed
 *       request as a Document); updates follow their task's way
 *       ({@link org.lexgate.gateway.relay.UpdateTranslation} when given effect).</li>
 *   <li>{@link org.lexgate.gateway.relay.AnswerRelay}: answers back the way the request came —
 *       forwarded unchanged, or re-issued to the foreign requester with the provider's signed answer
 *       attached.</li>
 *   <li>{@link org.lexgate.gateway.relay.FollowUpWatch}: the follow-up clock of a preservation relayed
 *       for a provider at home (at least 60 days, Art. 29(7)), a PreservationExpiring warning before
 *       it runs out; stopped by the release or the disclosure that follows.</li>
 * </ul>
 */
package org.lexgate.gateway.relay;
