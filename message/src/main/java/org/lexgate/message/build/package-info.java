/**
 * Builders for every HI-1 message lexgate users write, without JAXB plumbing. Start at
 * {@link org.lexgate.message.build.Hi1Messages}.
 *
 * <ul>
 *   <li>Message builders: {@link org.lexgate.message.build.DisclosureRequestBuilder},
 *       {@link org.lexgate.message.build.PreservationRequestBuilder},
 *       {@link org.lexgate.message.build.UpdateRequestBuilder} (extend, release, cancel),
 *       {@link org.lexgate.message.build.NotificationBuilder} (status, refusal),
 *       {@link org.lexgate.message.build.DeliveryBuilder},
 *       {@link org.lexgate.message.build.QueryBuilder} (GET, LIST, GETCSPCONFIG),
 *       {@link org.lexgate.message.build.CatalogueResponseBuilder}; the header is
 *       {@link org.lexgate.message.build.MessageBuilder}.</li>
 *   <li>Parts, each named after the guideline paragraph it serves:
 *       {@link org.lexgate.message.build.Party}, {@link org.lexgate.message.build.LegalBasis} (§26),
 *       {@link org.lexgate.message.build.RequestedData} (§26, §27),
 *       {@link org.lexgate.message.build.IssuingAuthority} (§24),
 *       {@link org.lexgate.message.build.Priority} (§30),
 *       {@link org.lexgate.message.build.CrossBorder} (§36, §37),
 *       {@link org.lexgate.message.build.MlaFollowUp} (§37), {@link org.lexgate.message.build.Costs} (§16),
 *       {@link org.lexgate.message.build.RefusalReason} (§57), {@link org.lexgate.message.build.RequestRef},
 *       {@link org.lexgate.message.build.Entries} (dictionary values).</li>
 * </ul>
 * docs/profile.md maps each guideline paragraph to the elements and builder methods.
 */
package org.lexgate.message.build;
