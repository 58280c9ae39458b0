using System.Text.Json.Nodes;
using Raytio.Server.Features.Billing;

namespace Raytio.Server.Features.Organizations;

/// <summary>An organisation in the reference's shape, with its `org_id` beside the reference's fields.</summary>
public static class OrganizationAnswers
{
    public static JsonObject Of(Organization organization, BillingCustomer customer, JsonArray? links = null)
    {
        var answer = new JsonObject
        {
            ["org_id"] = organization.Id,
            ["name"] = organization.Name,
            ["email"] = organization.BillingEmail,
            ["address"] = JsonNode.Parse(organization.AddressJson),
            ["customer"] = customer.ToJson(),
        };
        if (links is not null)
        {
            answer["links"] = links;
        }
        return answer;
    }
}
