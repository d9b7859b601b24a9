using System.Net;
using System.Text;
using CilPortal.Infrastructure.Captcha;
using Microsoft.Extensions.Logging.Abstractions;

namespace CilPortal.Tests.Captcha;

/// <summary>Google reCAPTCHA v3 checked against a fake siteverify service: every doubt refuses the form.</summary>
public class RecaptchaVerifierTests
{
    private static readonly CaptchaSubmission Submission = new("jeton-du-navigateur", "RendezVous_Index", "logement.exemple.fr", "203.0.113.7");

    [Fact]
    public async Task A_human_score_for_the_right_action_and_host_is_accepted_and_google_gets_the_secret_token_and_address()
    {
        var google = new FakeGoogle(HttpStatusCode.OK, """{"success":true,"score":0.9,"action":"RendezVous_Index","hostname":"logement.exemple.fr","challenge_ts":"2026-11-28T10:00:00Z"}""");

        Assert.True(await Verifier(google).VerifyAsync(Submission));

        Assert.Equal(new Uri("https://www.google.com/recaptcha/api/siteverify"), google.Request!.RequestUri);
        Assert.Equal(HttpMethod.Post, google.Request.Method);
        Assert.Equal("secret=cle-secrete&response=jeton-du-navigateur&remoteip=203.0.113.7", google.Body);
    }

    [Theory]
    [InlineData("""{"success":false,"error-codes":["timeout-or-duplicate"]}""")]
    [InlineData("""{"success":true,"score":0.3,"action":"RendezVous_Index","hostname":"logement.exemple.fr"}""")]
    [InlineData("""{"success":true,"score":0.9,"action":"Compte_Inscription","hostname":"logement.exemple.fr"}""")]
    [InlineData("""{"success":true,"score":0.9,"action":"RendezVous_Index","hostname":"site-pirate.exemple"}""")]
    [InlineData("""{"success":true,"action":"RendezVous_Index","hostname":"logement.exemple.fr"}""")]
    [InlineData("""{"success":true,"score":0.9,"hostname":"logement.exemple.fr"}""")]
    [InlineData("""ceci n'est pas du JSON""")]
    [InlineData("""null""")]
    public async Task A_failure_a_low_score_another_action_or_host_or_an_unreadable_answer_is_refused(string answer)
    {
        Assert.False(await Verifier(new FakeGoogle(HttpStatusCode.OK, answer)).VerifyAsync(Submission));
    }

    [Fact]
    public async Task An_http_error_a_network_error_or_a_time_out_refuses_the_form()
    {
        Assert.False(await Verifier(new FakeGoogle(HttpStatusCode.InternalServerError, "{}")).VerifyAsync(Submission));
        Assert.False(await Verifier(new FakeGoogle(new HttpRequestException("réseau coupé"))).VerifyAsync(Submission));
        var slow = new FakeGoogle(HttpStatusCode.OK, """{"success":true,"score":0.9,"action":"RendezVous_Index","hostname":"logement.exemple.fr"}""") { Delay = TimeSpan.FromSeconds(30) };
        var started = DateTime.UtcNow;
        Assert.False(await Verifier(slow, timeoutSeconds: 1).VerifyAsync(Submission));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task No_token_or_no_secret_refuses_without_asking_google()
    {
        var google = new FakeGoogle(HttpStatusCode.OK, """{"success":true,"score":0.9,"action":"RendezVous_Index","hostname":"logement.exemple.fr"}""");

        Assert.False(await Verifier(google).VerifyAsync(Submission with { Response = "" }));
        Assert.False(await Verifier(google, secret: "").VerifyAsync(Submission));
        Assert.Null(google.Request);
    }

    [Fact]
    public async Task Configured_host_names_replace_the_host_of_the_request()
    {
        var google = new FakeGoogle(HttpStatusCode.OK, """{"success":true,"score":0.9,"action":"RendezVous_Index","hostname":"portail.exemple.fr"}""");
        var options = Options();
        options.Recaptcha.Hostnames.Add("portail.exemple.fr");

        Assert.True(await new RecaptchaVerifier(new Clients(google), options, NullLogger<RecaptchaVerifier>.Instance).VerifyAsync(Submission));
    }

    private static CaptchaOptions Options(string secret = "cle-secrete", int timeoutSeconds = 5)
    {
        var options = new CaptchaOptions { Provider = CaptchaProvider.Recaptcha };
        options.Recaptcha.SiteKey = "cle-du-site";
        options.Recaptcha.SecretKey = secret;
        options.Recaptcha.TimeoutSeconds = timeoutSeconds;
        return options;
    }

    private static RecaptchaVerifier Verifier(FakeGoogle google, string secret = "cle-secrete", int timeoutSeconds = 5) =>
        new(new Clients(google), Options(secret, timeoutSeconds), NullLogger<RecaptchaVerifier>.Instance);

    private sealed class Clients(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }

    private sealed class FakeGoogle : HttpMessageHandler
    {
        private readonly HttpStatusCode status;
        private readonly string answer = "";
        private readonly Exception? failure;

        public FakeGoogle(HttpStatusCode status, string answer) => (this.status, this.answer) = (status, answer);

        public FakeGoogle(Exception failure) => this.failure = failure;

        public TimeSpan Delay { get; init; }

        public HttpRequestMessage? Request { get; private set; }

        public string? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = request;
            Body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            await Task.Delay(Delay, cancellationToken);
            if (failure is not null)
            {
                throw failure;
            }

            return new HttpResponseMessage(status) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
        }
    }
}
