using System.Text.Json;
using Raytio.Server.Tests.GraphAuthorization;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.OrganizationAuthorization;

/// <summary>A host with the matrix's cast of users and organisations, made on first use.</summary>
public sealed class OrgMatrixFactory : RaytioFactory
{
    private OrgMatrixCast? _cast;

    internal async Task<OrgMatrixCast> CastAsync() => _cast ??= await OrgMatrixCast.CreateAsync(this);
}

/// <summary>
/// Every /org/ operation of issue 10 against every role of <see cref="OrganizationMatrix"/>: the
/// exact outcome; for every denial, that it changed nothing; and for every 401 and 404, that it
/// reads the same for the real organisation as for an org_id that does not exist.
/// </summary>
public sealed class OrganizationAuthorizationMatrixTests(OrgMatrixFactory app) : IClassFixture<OrgMatrixFactory>
{
    /// <summary>Billing (19-25, 27-30, 32, 33) belongs to the billing issue, not to issue 10.</summary>
    private static readonly string[] BillingPaths = ["/plans", "/subscriptions", "/payment_methods", "/invoices"];

    public static TheoryData<string> Rows => [.. AuthorizationMatrix.Parse<OrgRole>(OrganizationMatrix.Operations).Select(row => row.Operation)];

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Every_role_gets_the_contracts_answer(string operation)
    {
        var cast = await app.CastAsync();
        var checks = AuthorizationMatrix.Parse<OrgRole>(OrganizationMatrix.Operations).Single(row => row.Operation == operation).Checks;
        var call = OrgMatrixOperation.Named(operation);
        var failures = new List<string>();
        foreach (var check in checks.Where(c => c.Expected != "-"))
        {
            var caller = cast.Caller(Enum.Parse<OrgRole>(check.Role));
            var subject = await cast.SubjectAsync(call, caller);
            var before = await OrgMatrixSnapshot.TakeAsync(app, subject.Org);
            var answer = await Answer.ReadAsync(await call.Call(cast, subject, caller), call, subject);
            if (answer.Outcome != check.Expected || !answer.HasContractCode)
            {
                var code = call.CodeOf(answer.Status) is { } named ? $" with code {named}" : "";
                failures.Add($"{check.Operation} as {check.Role}: expected {check.Expected}{(answer.Outcome == check.Expected ? code : "")}, got {answer.Outcome}: {answer.Body}");
                continue;
            }
            if (answer.Status >= 400 && await OrgMatrixSnapshot.TakeAsync(app, subject.Org) is var after && after != before)
            {
                failures.Add($"{check.Operation} as {check.Role} was denied ({answer.Status}) but changed the stored state: {before} became {after}");
            }
            if (check.Expected is "401" or "404" or "out")
            {
                var absent = subject with { Org = Guid.NewGuid() };
                var unknown = await Answer.ReadAsync(await call.Call(cast, absent, caller), call, absent);
                if (unknown.Status != answer.Status || unknown.Body != answer.Body)
                {
                    failures.Add($"{check.Operation} as {check.Role} tells the organisation from a missing one: {answer.Status} {answer.Body} against {unknown.Status} {unknown.Body}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Every_served_organisation_operation_has_a_row()
    {
        var (_, served) = await OpenApiOperation.ReadAsync(app);
        var rows = AuthorizationMatrix.Parse<OrgRole>(OrganizationMatrix.Operations).Select(row => OrgMatrixOperation.Named(row.Operation)).ToList();

        var uncovered = served
            .Where(o => (o.Template.StartsWith("/org/", StringComparison.Ordinal) || o.Template.StartsWith("/l/", StringComparison.Ordinal))
                && !BillingPaths.Any(billing => o.Template.Contains(billing, StringComparison.Ordinal)))
            .Where(o => !rows.Any(row => Covers(row, o)))
            .Select(o => $"{o.Method} {o.Template}")
            .ToList();
        Assert.True(uncovered.Count == 0, "no matrix row for: " + string.Join(", ", uncovered));
        Assert.Equal(OrgMatrixOperation.All.Select(o => o.Name).Order(), rows.Select(o => o.Name).Order());
    }

    private static bool Covers(OrgMatrixOperation row, OpenApiOperation served)
    {
        var (method, template) = (row.Route.Split(' ')[0], row.Route.Split(' ')[1]);
        var sample = System.Text.RegularExpressions.Regex.Replace(template, @"\{[^}]+\}", "x");
        return served.Answers(method, sample);
    }

    /// <summary>An answer reduced to what the matrix compares; the org_id is masked, so that answers about different organisations compare.</summary>
    private sealed record Answer(int Status, string Outcome, string Body, bool HasContractCode)
    {
        public static async Task<Answer> ReadAsync(HttpResponseMessage response, OrgMatrixOperation operation, OrgSubject subject)
        {
            var body = (await response.Content.ReadAsStringAsync()).Replace(subject.Org.ToString(), "{org}", StringComparison.OrdinalIgnoreCase);
            var status = (int)response.StatusCode;
            var outcome = operation.Listing && status == 200
                ? (body.Contains("{org}", StringComparison.Ordinal) ? "in" : "out")
                : status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new Answer(status, outcome, body, HasCode(status, body, operation.CodeOf(status)));
        }

        /// <summary>Every error carries a message and a code, the one the contract names where it names one.</summary>
        private static bool HasCode(int status, string body, string? expectedCode)
        {
            if (status < 400)
            {
                return true;
            }
            try
            {
                var error = JsonDocument.Parse(body).RootElement;
                var code = error.GetProperty("code").GetString();
                return error.GetProperty("message").GetString() is { Length: > 0 } && code is { Length: > 0 } && (expectedCode is null || code == expectedCode);
            }
            catch (Exception unreadable) when (unreadable is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                return false;
            }
        }
    }
}
