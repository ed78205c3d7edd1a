/**
 * The MBK key, a secret: {@link org.mepkit.mep.key.MbkKey} redacts itself and its errors never
 * repeat it. Facts: {@code mep-protocol.md} §5.1.
 */
package org.mepkit.mep.key;
