package org.leantta.kura.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may command: the shared token, the allowed requesters, and that the token never shows. */
class CommandGuardTest {
    private static final String TOKEN = "t0ken-s3cret";

    @Test
    void anOpenGuardLetsEveryCommandThrough() {
        assertThat(CommandGuard.OPEN.refusal(command(Map.of()), null)).isNull();
        assertThat(CommandGuard.of("", " , ").refusal(command(Map.of()), "anyone")).isNull();
    }

    @Test
    void withATokenOnlyACommandCarryingItRuns() {
        CommandGuard guard = CommandGuard.of(TOKEN, "");

        assertThat(guard.refusal(command(Map.of("token", TOKEN)), null)).isNull();
        assertThat(guard.refusal(command(Map.of()), null)).isEqualTo("not authorized: this gateway requires a "
                + "command token: put \"token\" in the command body");
        assertThat(guard.refusal(command(Map.of("token", "guess")), null))
                .isEqualTo("not authorized: wrong command token");
        assertThat(guard.refusal(command(Map.of("token", TOKEN + " ")), null)).as("no trimming")
                .isEqualTo("not authorized: wrong command token");
        assertThat(guard.refusal(command(Map.of("token", 42.0)), null)).startsWith("not authorized: this gateway "
                + "requires a command token");
    }

    @Test
    void withAllowedRequestersOnlyTheyMayCommand() {
        CommandGuard guard = CommandGuard.of("", " ops-console , kapua-1,,");

        assertThat(guard.refusal(command(Map.of()), "ops-console")).isNull();
        assertThat(guard.refusal(command(Map.of()), "kapua-1")).isNull();
        assertThat(guard.refusal(command(Map.of()), "intruder")).isEqualTo("not authorized: requester "
                + "\"intruder\" is not in commands.allowed.requesters");
        assertThat(guard.refusal(command(Map.of()), null))
                .isEqualTo("not authorized: the request names no requester.client.id");
    }

    @Test
    void aLongRequesterIdIsShownCut() {
        String refusal = CommandGuard.of("", "ops").refusal(command(Map.of()), "x".repeat(100_000));

        assertThat(refusal).hasSizeLessThan(200).contains("x".repeat(64) + "...");
    }

    @Test
    void tokenAndAllowListAreBothChecked() {
        CommandGuard guard = CommandGuard.of(TOKEN, "ops");

        assertThat(guard.refusal(command(Map.of("token", TOKEN)), "ops")).isNull();
        assertThat(guard.refusal(command(Map.of("token", TOKEN)), "other")).contains("requester \"other\"");
        assertThat(guard.refusal(command(Map.of()), "ops")).contains("requires a command token");
    }

    @Test
    void aGuardThatRefusesAllSaysWhy() {
        CommandGuard guard = CommandGuard.refusingAll("commands.token could not be read");

        assertThat(guard.refusal(command(Map.of("token", "")), "ops"))
                .isEqualTo("not authorized: commands.token could not be read");
        assertThat(guard.describe()).containsEntry("commands.token", "(unreadable: every command is refused)");
    }

    @Test
    void theTokenNeverShows() {
        CommandGuard guard = CommandGuard.of(TOKEN, "b,a");

        assertThat(guard.describe()).containsEntry("commands.token", "(set)")
                .containsEntry("commands.allowed.requesters", List.of("a", "b"));
        assertThat(guard.toString()).doesNotContain(TOKEN);
        assertThat(guard.refusal(command(Map.of("token", "nearly-" + TOKEN)), null)).doesNotContain(TOKEN);
        assertThat(CommandGuard.OPEN.describe()).containsEntry("commands.token", "");
    }

    private static Item.Command command(Map<String, Object> body) {
        return new Item.Command("reset", "r-1", body);
    }
}
