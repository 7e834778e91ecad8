package org.eclipse.kura.cloudconnection.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.message.KuraPayload;
import org.eclipse.kura.message.KuraResponsePayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;

/** RequestHandler's defaults refuse every verb as Kura's do; context and message hold their properties. */
class RequestHandlerTest {

    private final RequestHandler nothing = new RequestHandler() {
    };
    private final RequestHandlerContext context = new RequestHandlerContext(null, Map.of());
    private final KuraMessage request = new KuraMessage(new KuraPayload());

    @Test
    void everyDefaultVerbIsNotSupported() {
        assertNotSupported(() -> nothing.doGet(context, request), "get");
        assertNotSupported(() -> nothing.doPut(context, request), "put");
        assertNotSupported(() -> nothing.doPost(context, request), "post");
        assertNotSupported(() -> nothing.doDel(context, request), "delete");
        assertNotSupported(() -> nothing.doExec(context, request), "exec");
    }

    private static void assertNotSupported(ThrowingSupplier<KuraMessage> call, String verb) {
        assertThatThrownBy(call::get).isInstanceOfSatisfying(KuraException.class, e -> {
            assertThat(e.getCode()).isEqualTo(KuraErrorCode.OPERATION_NOT_SUPPORTED);
            assertThat(e.getMessage()).contains(verb);
        });
    }

    @Test
    void aHandlerServesOnlyWhatItOverrides() throws KuraException {
        // given
        RequestHandler getOnly = new RequestHandler() {
            @Override
            public KuraMessage doGet(RequestHandlerContext ctx, KuraMessage req) {
                return new KuraMessage(new KuraResponsePayload(KuraResponsePayload.RESPONSE_CODE_OK));
            }
        };

        // when
        KuraMessage response = getOnly.doGet(context, request);

        // then
        assertThat(((KuraResponsePayload) response.getPayload()).getResponseCode()).isEqualTo(200);
        assertThatThrownBy(() -> getOnly.doExec(context, request)).isInstanceOf(KuraException.class);
    }

    @Test
    void argsKeyIsKuras() {
        assertThat(RequestHandlerMessageConstants.ARGS_KEY.value()).isEqualTo("args");
        assertThat(RequestHandlerContextConstants.values()).extracting(Enum::name)
                .containsExactly("TENANT_ID", "DEVICE_ID", "NOTIFICATION_PUBLISHER_PID");
    }

    @Test
    void contextCopiesItsPropertiesAndIsReadOnly() {
        // given
        Map<String, String> properties = new HashMap<>(Map.of("DEVICE_ID", "gw-1"));

        // when
        RequestHandlerContext ctx = new RequestHandlerContext(null, properties);
        properties.put("TENANT_ID", "acme");

        // then
        assertThat(ctx.getContextProperties()).containsOnly(entry("DEVICE_ID", "gw-1"));
        assertThat(ctx.getNotificationPublisher()).isNull();
        assertThatThrownBy(() -> ctx.getContextProperties().put("x", "y"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void messageHoldsAMutableCopyOfItsProperties() {
        // given
        Map<String, Object> properties = new HashMap<>(Map.of("args", List.of("model", "info")));

        // when
        KuraMessage message = new KuraMessage(new KuraPayload(), properties);
        properties.clear();
        message.getProperties().put("extra", 1);

        // then
        assertThat(message.getProperties()).containsOnly(entry("args", List.of("model", "info")), entry("extra", 1));
        assertThat(new KuraMessage(null).getProperties()).isEmpty();
    }
}
