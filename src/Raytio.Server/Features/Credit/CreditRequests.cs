using System.Text.Json;
using System.Text.Json.Nodes;
using Raytio.Server.Hosting;
using Raytio.Server.Providers.Centrix;

namespace Raytio.Server.Features.Credit;

/// <summary>
/// Reads and checks the bodies of operations 99 and 100 (PascalCase, as the reference writes
/// them): each fault is a 400 naming its field by its path (e.g. `RequestDetails.EnquiryReason`).
/// </summary>
public static class CreditRequests
{
    public const int MaxNameLength = 100;

    public static ConsumerReportRequest Consumer(JsonObject body, DateOnly today)
    {
        var request = Read<ConsumerReportRequest>(body);
        var check = new Validation();
        var personal = request.ConsumerData?.Personal;
        if (request.ConsumerData is null)
        {
            check.Add("ConsumerData", "'ConsumerData' is required.");
        }
        else if (personal is null)
        {
            check.Add("ConsumerData.Personal", "'ConsumerData.Personal' is required.");
        }
        else
        {
            Name(check, "ConsumerData.Personal.FirstName", personal.FirstName, required: true);
            Name(check, "ConsumerData.Personal.Surname", personal.Surname, required: true);
            Name(check, "ConsumerData.Personal.MiddleName", personal.MiddleName, required: false);
            if (personal.DateOfBirth is not { } born)
            {
                check.Add("ConsumerData.Personal.DateOfBirth", "'ConsumerData.Personal.DateOfBirth' is required (YYYY-MM-DD).");
            }
            else if (born >= today || born < today.AddYears(-130))
            {
                check.Add("ConsumerData.Personal.DateOfBirth", "'ConsumerData.Personal.DateOfBirth' must be a past date within 130 years.");
            }
            if (personal.Gender is { } gender && gender is not ("M" or "F" or "X"))
            {
                check.Add("ConsumerData.Personal.Gender", "'ConsumerData.Personal.Gender' is M, F or X.");
            }
        }
        Details(check, request.RequestDetails);
        check.ThrowIfAny();
        return request;
    }

    public static CommercialReportRequest Commercial(JsonObject body)
    {
        var request = Read<CommercialReportRequest>(body);
        var check = new Validation();
        if (request.CompanyNumber is not { } number)
        {
            check.Add("CompanyNumber", "'CompanyNumber' is required (the Companies Office number; search operation 108 to find it).");
        }
        else if (number is < 1 or > 99_999_999)
        {
            check.Add("CompanyNumber", "'CompanyNumber' is a whole number from 1 to 99999999.");
        }
        Details(check, request.RequestDetails);
        check.ThrowIfAny();
        return request;
    }

    private static void Details(Validation check, CreditRequestDetails? details)
    {
        if (details is null)
        {
            check.Add("RequestDetails", "'RequestDetails' is required, with the enquiry reason and the subject's consent.");
            return;
        }
        if (string.IsNullOrWhiteSpace(details.EnquiryReason))
        {
            check.Add("RequestDetails.EnquiryReason", "'RequestDetails.EnquiryReason' is required: the permitted purpose of the enquiry.");
        }
        else if (!CentrixEnquiryReasons.All.ContainsKey(details.EnquiryReason))
        {
            check.Add("RequestDetails.EnquiryReason", $"'RequestDetails.EnquiryReason' is one of: {string.Join(", ", CentrixEnquiryReasons.All.Keys)}.");
        }
        if (details.ConsentObtained is not true)
        {
            check.Add("RequestDetails.ConsentObtained", "'RequestDetails.ConsentObtained' must be true: a report needs the subject's consent.");
        }
        if (details.ApplicantType is { } applicant && !CentrixEnquiryReasons.ApplicantTypes.ContainsKey(applicant))
        {
            check.Add("RequestDetails.ApplicantType", $"'RequestDetails.ApplicantType' is one of: {string.Join(", ", CentrixEnquiryReasons.ApplicantTypes.Keys)}.");
        }
        if (details.AmountSought is < 0)
        {
            check.Add("RequestDetails.AmountSought", "'RequestDetails.AmountSought' must not be negative.");
        }
        if (details.SubscriberReference?.Length > MaxNameLength)
        {
            check.Add("RequestDetails.SubscriberReference", $"'RequestDetails.SubscriberReference' is at most {MaxNameLength} characters.");
        }
    }

    private static void Name(Validation check, string field, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                check.Add(field, $"'{field}' is required.");
            }
        }
        else if (value.Length > MaxNameLength)
        {
            check.Add(field, $"'{field}' is at most {MaxNameLength} characters.");
        }
    }

    private static T Read<T>(JsonObject body)
    {
        try
        {
            return body.Deserialize<T>(CentrixJson.Options) ?? throw ApiException.BadRequest("validation_failed", "The request body must be a JSON object.");
        }
        catch (JsonException wrong)
        {
            var field = (wrong.Path ?? "$").TrimStart('$', '.');
            throw ApiException.Invalid(field.Length == 0 ? "body" : field, $"'{field}' has the wrong type or format (dates are YYYY-MM-DD).");
        }
    }
}
