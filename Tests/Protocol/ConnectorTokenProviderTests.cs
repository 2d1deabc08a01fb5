namespace Beacon.Tests.Protocol;

using Azure.Core;
using Azure.Identity;
using Beacon.Bot.Protocol;
using Microsoft.Extensions.Time.Testing;
using Moq;

public sealed class ConnectorTokenProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Tokens_are_cached_until_five_minutes_before_expiry()
    {
        var time = new FakeTimeProvider(Start);
        var issued = 0;
        var credential = new Mock<TokenCredential>();
        credential
            .Setup(c => c.GetTokenAsync(It.Is<TokenRequestContext>(r => r.Scopes.SequenceEqual(new[] { "https://api.botframework.com/.default" })), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new AccessToken($"token-{++issued}", time.GetUtcNow().AddHours(1)));
        using var provider = new AzureIdentityConnectorTokenProvider(credential.Object, time);

        var first = await provider.GetTokenAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(54));
        var stillCached = await provider.GetTokenAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(2));
        var renewed = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-1", first);
        Assert.Equal("token-1", stillCached);
        Assert.Equal("token-2", renewed);
        Assert.Equal(2, issued);
    }

    [Fact]
    public async Task Development_mode_sends_no_token() =>
        Assert.Null(await new NoConnectorTokenProvider().GetTokenAsync(CancellationToken.None));

    [Fact]
    public void A_client_secret_uses_the_bot_framework_tenant_unless_single_tenant()
    {
        var multi = AzureIdentityConnectorTokenProvider.CreateCredential(new BotOptions { MicrosoftAppId = "app", MicrosoftAppPassword = "secret" });
        var single = AzureIdentityConnectorTokenProvider.CreateCredential(
            new BotOptions { MicrosoftAppId = "app", MicrosoftAppPassword = "secret", MicrosoftAppTenantId = TestIssuer.TenantId });

        Assert.IsType<ClientSecretCredential>(multi);
        Assert.IsType<ClientSecretCredential>(single);
    }

    [Fact]
    public void The_credential_follows_the_configuration()
    {
        Assert.IsType<ManagedIdentityCredential>(AzureIdentityConnectorTokenProvider.CreateCredential(
            new BotOptions { MicrosoftAppId = "app", ManagedIdentityClientId = "mi-client", MicrosoftAppPassword = "ignored" }));
        Assert.IsType<ClientCertificateCredential>(AzureIdentityConnectorTokenProvider.CreateCredential(
            new BotOptions { MicrosoftAppId = "app", MicrosoftAppCertificatePath = "/certs/bot.pem" }));
    }

    [Fact]
    public void An_app_id_without_a_credential_is_a_clear_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            AzureIdentityConnectorTokenProvider.CreateCredential(new BotOptions { MicrosoftAppId = "app" }));

        Assert.Contains("MicrosoftAppPassword", error.Message, StringComparison.Ordinal);
    }
}
