using System.Net;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;

namespace Raytio.Server.Tests.Sharing;

/// <summary>
/// Who may call each operation on an organisation's application: its owner (an org administrator),
/// an authorised user, another member of the org, another org's administrator, the person who
/// shared, a stranger and anonymous. Denials are the same 404 as an unknown id.
/// (Application tokens are tested after the merge with the client_credentials grant.)
/// </summary>
public sealed class SharingAuthorizationTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Each_operation_answers_each_kind_of_caller_as_the_contract_says()
    {
        var org = await app.CreateOrgAsync();
        var application = await app.SeedApplicationAsync(org.Admin, org.Id);
        var authorised = await app.NewMemberAsync(org);
        await app.AuthorizeAsync(application, authorised);
        var member = await app.NewMemberAsync(org);
        var otherOrg = await app.CreateOrgAsync();
        var person = await GraphUser.CreateAsync(app);
        var stranger = await GraphUser.CreateAsync(app);
        var (nId, instance) = await app.ShareNewThingAsync(person, application);
        var iId = instance.IId();

        var callers = new (string Name, string? Bearer, bool Recipient, bool Sharer)[]
        {
            ("owner", org.Admin.Bearer, true, false),
            ("authorised user", authorised.Bearer, true, false),
            ("other member", member.Bearer, false, false),
            ("other org admin", otherOrg.Admin.Bearer, false, false),
            ("sharing person", person.Bearer, false, true),
            ("stranger", stranger.Bearer, false, false),
            ("anonymous", null, false, false),
        };
        foreach (var (name, bearer, recipient, sharer) in callers)
        {
            async Task Expect(HttpResponseMessage response, bool allowed, string deniedCode)
            {
                if (bearer is null)
                {
                    await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
                }
                else if (allowed)
                {
                    Assert.True(response.IsSuccessStatusCode, $"{name}: {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}");
                }
                else
                {
                    await response.AssertErrorAsync(HttpStatusCode.NotFound, deniedCode);
                }
            }
            await Expect(await app.GetAsync(application.InstancesPath, bearer), recipient, "access_application_not_found");
            await Expect(await app.GetAsync($"/share/v1/org/instances/{iId}", bearer), recipient, "instance_not_found");
            await Expect(await app.GetAsync($"/share/v1/org/instances/{iId}/profile_objects/{nId}/content", bearer), false,
                recipient ? "content_not_found" : "instance_not_found"); // the thing has no document: a recipient reaches the snapshot
            await Expect(await app.GetAsync($"/share/v1/instances/{iId}", bearer), sharer, "instance_not_found");
            await Expect(await app.GetAsync($"/share/v1/profile_objects/{nId}/access_applications", bearer), sharer, "profile_object_not_found");
            var patch = await app.SendJsonTextAsync(HttpMethod.Patch, $"/share/v1/org/instances/{iId}", """{"_state": "Nowhere"}""", bearer);
            if (recipient)
            {
                await patch.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            }
            else
            {
                await Expect(patch, false, "instance_not_found");
            }
        }
        // Withdrawal: the person who shared only.
        foreach (var other in new[] { org.Admin, authorised, member, otherOrg.Admin, stranger })
        {
            await (await app.SendAsync(HttpMethod.Delete, $"/share/v1/instances/{iId}", null, other.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "instance_not_found");
        }
        await (await app.SendAsync(HttpMethod.Delete, $"/share/v1/instances/{iId}", null, null)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await app.SendAsync(HttpMethod.Delete, $"/share/v1/instances/{iId}", null, person.Bearer)).AssertOkAsync();
    }
}
