package org.lexgate.adapters;

import java.time.Duration;
import java.util.List;

/**
 * Back end to node: the answers the provider's systems have produced. Delivery is at least once,
 * and nothing is ever dropped silently:
 *
 * <ol>
 *   <li>The node {@linkplain #poll polls}, every {@link #pollInterval()}. An answer the back end
 *       cannot parse is never returned: the adapter sets it aside with its reason (the file-drop
 *       connector moves it to {@code answers/rejected/} beside a {@code .reason} file) and logs it.</li>
 *   <li>For each answer returned, the node checks it against the task (known task, answer type fits
 *       the pending request, task not already answered), produces the signed ETSI response, and
 *       stores it durably.</li>
 *   <li>Only then does the node {@linkplain #acknowledge acknowledge} the answer. An answer the node
 *       cannot use it {@linkplain #reject rejects} with a reason, which the provider's staff see.</li>
 * </ol>
 *
 * An answer neither acknowledged nor rejected stays pending: every later poll, by this adapter or by
 * a new one after a restart, returns it again with the same {@link ReceivedAnswer#id()}. The node
 * therefore looks the id up before producing a response: if it already stored one for that id it
 * only acknowledges, so an answer is never lost and never answered twice.
 *
 * <p>One node polls one source; the calls need not be made from one thread.
 */
public interface AnswerSource {

    /**
     * The pending answers, oldest first, at most {@code max} of them. Returns an empty list when none
     * is pending; never blocks waiting for one.
     *
     * @throws TransientAdapterException the back end cannot be read now; the node polls again later
     */
    List<ReceivedAnswer> poll(int max) throws TransientAdapterException;

    /**
     * The node has durably stored the response it produced from {@code answer}: the answer is done and
     * is never returned again. Acknowledging an answer already acknowledged does nothing.
     *
     * @throws TransientAdapterException not recorded; the answer may be returned again (and is then
     *         recognised by its id)
     */
    void acknowledge(ReceivedAnswer answer) throws TransientAdapterException;

    /**
     * The node will not use {@code answer} (unknown task, an answer type that does not fit the task,
     * a task already answered, content the node cannot embed): it is set aside with {@code reason}
     * for the provider's staff and never returned again. The task's state is unchanged, so the
     * provider may answer again.
     *
     * @param reason why, in words the provider's staff understand; one line
     * @throws TransientAdapterException not recorded; the answer may be returned again
     */
    void reject(ReceivedAnswer answer, String reason) throws TransientAdapterException;

    /** How often the node should poll; the adapter's configuration sets it. */
    Duration pollInterval();
}
