/**
 * The MEP codec, pure and without I/O: request packets ({@link org.mepkit.mep.frame.Request},
 * {@link org.mepkit.mep.frame.Command}, the keyed {@link org.mepkit.mep.frame.Digest}), meter
 * replies ({@link org.mepkit.mep.frame.Responses}, {@link org.mepkit.mep.frame.Response},
 * {@link org.mepkit.mep.frame.ResponseCode}) and the stream {@link org.mepkit.mep.frame.Deframer}.
 *
 * <p>Byte-level facts: {@code mep-protocol.md} §2–§7 of the shared reference. Faults are the
 * sealed, unchecked {@link org.mepkit.mep.frame.MepProtocolException} family; for any input
 * bytes the decoders throw nothing else.
 */
package org.mepkit.mep.frame;
