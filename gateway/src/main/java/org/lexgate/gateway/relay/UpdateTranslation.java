package org.lexgate.gateway.relay;

import java.time.Instant;
import java.util.UUID;
import org.lexgate.gateway.role.Hi1Parts;
import org.lexgate.gateway.role.Hi1View;
import org.lexgate.gateway.role.TaskRecord;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.hi1.core.HI1Object;
import org.lexgate.hi1.task.LPTaskObject;
import org.lexgate.message.build.Hi1Messages;
import org.lexgate.message.build.Party;
import org.lexgate.message.build.UpdateRequestBuilder;
import org.lexgate.trust.directory.PartyId;

/**
 * A contact point that gave effect to a foreign request also gives effect to the requester's
 * updates: the same change (extension, release, cancellation) as its own UPDATE of its domestic
 * task, with a TransactionIdentifier derived from the foreign update's.
 */
final class UpdateTranslation {

    private UpdateTranslation() {
    }

    static HI1Message domestic(PartyId self, TaskRecord task, HI1Object foreignUpdate, Hi1View foreign) {
        PartyId provider = task.relay().orElseThrow().nextHop();
        UpdateRequestBuilder b = Hi1Messages.preservationExtension()
                .from(Party.of(self.countryCode(), self.uniqueIdentifier()))
                .to(Party.of(provider.countryCode(), provider.uniqueIdentifier()))
                .transactionId(Hi1Parts.stableId("give-effect-update", self.toString(), foreign.sender().toString(),
                        foreign.transactionId(), task.objectId()));
        UUID id = UUID.fromString(task.objectId());
        if (foreignUpdate instanceof LPTaskObject lp) {
            if ("Cancelled".equals(Hi1View.value(lp.getDesiredStatus()).orElse(""))) {
                b.releasePreservation(id);
            } else {
                Instant until = Hi1View.instant(lp.getDesiredPreservationExpiration())
                        .orElseThrow(() -> new IllegalArgumentException("extension without a new expiration"));
                b.extendPreservation(id, until);
            }
        } else {
            b.cancelDisclosure(id);
        }
        return b.reason("Given effect to update " + foreign.transactionId() + " of " + foreign.sender()).build();
    }
}
