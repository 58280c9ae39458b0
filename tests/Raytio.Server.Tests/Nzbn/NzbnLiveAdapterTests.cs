using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Raytio.Server.Providers.Nzbn;
using Raytio.Server.Providers.Nzbn.Live;
using Raytio.Server.Providers.Outside;
using Raytio.Server.Tests.OutsideChecks;

namespace Raytio.Server.Tests.Nzbn;

/// <summary>The NZBN v5 adapter against an in-process fake of the register: its requests, the mapping, and its resilience.</summary>
public sealed class NzbnLiveAdapterTests
{
    private const string Key = "test-subscription-key";

    [Fact]
    public async Task An_entity_read_sends_the_key_and_a_request_id_and_maps_v5_to_the_reference_shape()
    {
        var (register, vendor) = Live();
        vendor.Answer(HttpStatusCode.OK, NzbnV5Bodies.FullEntity);

        var entity = await register.FindAsync(NzbnV5Bodies.Nzbn, CancellationToken.None);

        var (request, _) = Assert.Single(vendor.Received);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal($"https://nzbn.test/gateway/nzbn/v5/entities/{NzbnV5Bodies.Nzbn}", request.RequestUri!.ToString());
        Assert.Equal(Key, Assert.Single(request.Headers.GetValues("Ocp-Apim-Subscription-Key")));
        Assert.True(Guid.TryParse(Assert.Single(request.Headers.GetValues("api-business-govt-nz-Request-Id")), out _));
        Assert.Contains(request.Headers.Accept, a => a.MediaType == "application/json");
        Assert.NotNull(entity);
        Assert.Equal(("HARBOUR LIGHT TRADING LIMITED", "LTD", "4012345", "Registered"), (entity.EntityName, entity.EntityTypeCode, entity.SourceRegisterUniqueIdentifier, entity.GstStatus));
        Assert.Equal("1 Quay Street", Assert.Single(entity.RegisteredAddress).Address1);
        Assert.Equal("PO Box 12", Assert.Single(entity.PostalAddress).Address1);
        Assert.Equal("4 Office Road", Assert.Single(entity.PrincipalPlaceOfActivity).Address1);
        Assert.Equal(("3 Records Lane", "SERVICE"), (Assert.Single(entity.OtherAddress).Address1, entity.OtherAddress[0].Description));
        Assert.Equal("office@harbour.example.com", Assert.Single(entity.EmailAddress).EmailAddress);
        Assert.Equal("555 0100", Assert.Single(entity.PhoneNumber).PhoneNumber);
        Assert.Equal("M692120", Assert.Single(entity.IndustryClassification).ClassificationCode);
        Assert.Equal(1000, entity.Company!.Shareholding!.NumberOfShares);
        Assert.Equal("TAYLOR", entity.Company.Shareholding.ShareAllocation[0].Shareholder[0].IndividualShareholder!.LastName);
        Assert.Equal("SCOTT", Assert.Single(entity.Roles).RolePerson!.LastName);
        Assert.True(entity.PrivacySettings!.PhonePrivateInformation);
    }

    [Fact]
    public async Task The_reference_example_s_ownership_comes_out_of_a_v5_entity()
    {
        var (register, vendor) = Live();
        vendor.Answer(HttpStatusCode.OK, NzbnV5Bodies.FullEntity);

        var summary = Features.Nzbn.NzbnOwnershipSummary.Of((await register.FindAsync(NzbnV5Bodies.Nzbn, CancellationToken.None))!);

        // As in the reference: 10 of 1000 shares is 0.01.
        Assert.Equal(0.01m, summary.People.Single(p => p.Name == "SCOTT, BRIAN ALEXANDER").OwnershipPercentage);
        Assert.Equal("ACTIVE", summary.People.Single(p => p.Name == "SCOTT, BRIAN ALEXANDER").DirectorStatus);
        Assert.Equal(0.99m, summary.People.Single(p => p.Name == "TAYLOR, ROBIN GORDON DAVID").OwnershipPercentage);
    }

    [Fact]
    public async Task A_search_sends_the_reference_s_parameters_and_maps_the_items()
    {
        var (register, vendor) = Live();
        vendor.Answer(HttpStatusCode.OK, NzbnV5Bodies.SearchPage);
        var requestId = Guid.NewGuid();

        var found = await register.SearchAsync(new NzbnSearchQuery { SearchTerm = "harbour light", EntityStatus = "Registered", EntityType = "NZCompany", Page = 2, PageSize = 2, RequestId = requestId }, CancellationToken.None);

        var (request, _) = Assert.Single(vendor.Received);
        Assert.Equal("/gateway/nzbn/v5/entities", request.RequestUri!.AbsolutePath);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.RequestUri.Query);
        Assert.Equal(("harbour light", "Registered", "NZCompany", "2", "2"), (query["search-term"].ToString(), query["entity-status"].ToString(), query["entity-type"].ToString(), query["page"].ToString(), query["page-size"].ToString()));
        Assert.Equal(requestId.ToString(), Assert.Single(request.Headers.GetValues("api-business-govt-nz-Request-Id")));
        Assert.Equal(41, found.TotalItems);
        var first = found.Items[0];
        Assert.Equal(["Harbour Light"], first.TradingNames);
        Assert.Equal(["Old Light"], first.PreviousTradingNames);
        Assert.Equal(["HARBOUR LIGHTS LIMITED"], first.PreviousEntityNames);
        Assert.Equal(("LTD", "NZ Limited Company", 50, "Registered"), (first.EntityType.Id, first.EntityType.Name, first.EntityStatus.Id, first.EntityStatus.Name));
        Assert.Equal("M692120", Assert.Single(first.IndustryClassification).ClassificationCode);
        Assert.Equal(("Removed", "NZ Limited Company"), (found.Items[1].EntityStatus.Name, found.Items[1].EntityType.Name));
    }

    [Fact]
    public async Task A_404_is_no_such_entity()
    {
        var (register, vendor) = Live();
        vendor.Answer(HttpStatusCode.NotFound, """{"status":"404","errorCode":"NOT_FOUND","errorDescription":"Object Not Found"}""");

        Assert.Null(await register.FindAsync(NzbnV5Bodies.Nzbn, CancellationToken.None));
    }

    [Fact]
    public async Task A_5xx_is_retried_and_a_later_answer_used()
    {
        var (register, vendor) = Live();
        vendor.Answer(HttpStatusCode.ServiceUnavailable, "down").Answer(HttpStatusCode.OK, NzbnV5Bodies.FullEntity);

        Assert.NotNull(await register.FindAsync(NzbnV5Bodies.Nzbn, CancellationToken.None));
        Assert.Equal(2, vendor.Received.Count);
    }

    [Fact]
    public async Task A_5xx_that_persists_fails_naming_the_provider_without_the_vendor_s_body()
    {
        var (register, vendor) = Live();
        vendor.Answer(HttpStatusCode.InternalServerError, """{"errorDescription":"VENDOR-INTERNAL-DETAIL"}""");

        var failure = await Assert.ThrowsAsync<ProviderFailedException>(() => register.FindAsync(NzbnV5Bodies.Nzbn, CancellationToken.None));

        Assert.Equal(("NZBN register (live)", "answered 500"), (failure.Provider, failure.Reason));
        Assert.DoesNotContain("VENDOR", failure.Message, StringComparison.Ordinal);
        Assert.Equal(3, vendor.Received.Count); // the first try and two retries
    }

    [Fact]
    public async Task A_try_that_takes_too_long_is_abandoned_and_retried_then_the_call_fails_as_a_timeout()
    {
        var (register, vendor) = Live();
        vendor.Hang(TimeSpan.FromSeconds(5));

        var failure = await Assert.ThrowsAsync<ProviderFailedException>(() => register.FindAsync(NzbnV5Bodies.Nzbn, CancellationToken.None));

        Assert.Equal("did not answer in time", failure.Reason);
        Assert.Equal(3, vendor.Received.Count);
    }

    [Fact]
    public async Task A_429_waits_as_Retry_After_says_before_the_retry()
    {
        var (register, vendor) = Live();
        vendor.Answer(HttpStatusCode.TooManyRequests, "slow down", retryAfter: TimeSpan.FromSeconds(1)).Answer(HttpStatusCode.OK, NzbnV5Bodies.FullEntity);
        var clock = Stopwatch.StartNew();

        Assert.NotNull(await register.FindAsync(NzbnV5Bodies.Nzbn, CancellationToken.None));

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950), $"retried after {clock.Elapsed}");
        Assert.Equal(2, vendor.Received.Count);
    }

    [Fact]
    public async Task A_429_that_persists_fails_as_refused()
    {
        var (register, vendor) = Live();
        vendor.Answer(HttpStatusCode.TooManyRequests, "slow down");

        var failure = await Assert.ThrowsAsync<ProviderFailedException>(() => register.SearchAsync(new NzbnSearchQuery { SearchTerm = "x" }, CancellationToken.None));

        Assert.Equal("kept refusing calls as too many (429)", failure.Reason);
    }

    [Theory]
    [InlineData("<html>gateway</html>")]
    [InlineData("""{"entityName":"NO NUMBER LIMITED"}""")]
    [InlineData("[1,2]")]
    public async Task A_malformed_entity_answer_fails_as_unreadable(string body)
    {
        var (register, vendor) = Live();
        vendor.Answer(HttpStatusCode.OK, body);

        var failure = await Assert.ThrowsAsync<ProviderFailedException>(() => register.FindAsync(NzbnV5Bodies.Nzbn, CancellationToken.None));

        Assert.Equal("answered with a body that is not the register's", failure.Reason);
        Assert.Single(vendor.Received);
    }

    [Theory]
    [InlineData("""{"totalItems":3}""")]
    [InlineData("""{"items":[{"entityName":"NO NUMBER"}]}""")]
    [InlineData("not json")]
    public async Task A_malformed_search_answer_fails_as_unreadable(string body)
    {
        var (register, vendor) = Live();
        vendor.Answer(HttpStatusCode.OK, body);

        var failure = await Assert.ThrowsAsync<ProviderFailedException>(() => register.SearchAsync(new NzbnSearchQuery { SearchTerm = "x" }, CancellationToken.None));

        Assert.Equal("answered with a body that is not the register's", failure.Reason);
    }

    [Fact]
    public async Task A_register_that_keeps_failing_opens_the_circuit_and_is_not_called_for_a_while()
    {
        var (register, vendor) = Live(live => live.MaxRetries = 0);
        vendor.Answer(HttpStatusCode.BadGateway, "down");

        for (var call = 0; call < 10; call++)
        {
            await Assert.ThrowsAsync<ProviderFailedException>(() => register.FindAsync(NzbnV5Bodies.Nzbn, CancellationToken.None));
        }
        var failure = await Assert.ThrowsAsync<ProviderFailedException>(() => register.FindAsync(NzbnV5Bodies.Nzbn, CancellationToken.None));

        Assert.Equal("has failed repeatedly and is not being called for a while", failure.Reason);
        Assert.Equal(10, vendor.Received.Count);
    }

    private static (NzbnLiveRegister Register, FakeVendor Vendor) Live(Action<NzbnLiveOptions>? tune = null)
    {
        var vendor = new FakeVendor();
        var options = new NzbnOptions
        {
            Provider = NzbnProviderKind.Live,
            Live = new NzbnLiveOptions
            {
                BaseUrl = new Uri("https://nzbn.test/gateway/nzbn/v5/"),
                SubscriptionKey = Key,
                AttemptTimeout = TimeSpan.FromMilliseconds(200),
                TotalTimeout = TimeSpan.FromSeconds(10),
                RetryDelay = TimeSpan.FromMilliseconds(10),
                MaxRetries = 2,
            },
        };
        tune?.Invoke(options.Live);
        var services = new ServiceCollection().AddLogging().AddSingleton(Options.Create(options));
        services.AddProviderHttpClient(NzbnLiveRegister.HttpClientName, provider => provider.GetRequiredService<IOptions<NzbnOptions>>().Value.Live)
            .ConfigurePrimaryHttpMessageHandler(() => vendor);
        services.AddSingleton<NzbnLiveRegister>();
        return (services.BuildServiceProvider().GetRequiredService<NzbnLiveRegister>(), vendor);
    }
}
