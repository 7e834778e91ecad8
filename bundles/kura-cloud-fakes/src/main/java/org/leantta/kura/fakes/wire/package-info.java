/**
 * Test doubles of Kura's wire graph: {@link org.leantta.kura.fakes.wire.FakeWireGraph} is a WireHelperService
 * whose WireSupports deliver emitted records, synchronously, to the receivers wired after the emitter; a
 * {@link org.leantta.kura.fakes.wire.RecordingReceiver} collects what reaches it. Kura's own wire graph (Wire
 * Admin wiring, WireGraphService, the Composer) cannot run off a gateway. Never deployed.
 */
@Export
@Version("0.1.0")
package org.leantta.kura.fakes.wire;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
