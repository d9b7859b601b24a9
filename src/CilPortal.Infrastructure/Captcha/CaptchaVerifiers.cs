using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;

namespace CilPortal.Infrastructure.Captcha;

/// <summary>What a form sent for the anti-robot check, and where from.</summary>
/// <param name="Response">The value of the provider's form field (<see cref="ICaptchaVerifier.FieldName"/>).</param>
/// <param name="Action">What the form does (reCAPTCHA action: letters, digits, <c>_</c> and <c>/</c>).</param>
/// <param name="Host">The host name the form was served on.</param>
/// <param name="RemoteIp">The visitor's address, when known.</param>
public sealed record CaptchaSubmission(string? Response, string Action, string Host, string? RemoteIp);

/// <summary>Checks the anti-robot field of a posted form. Every error refuses: the check fails closed.</summary>
public interface ICaptchaVerifier
{
    /// <summary>The name of the form field the check reads.</summary>
    string FieldName { get; }

    Task<bool> VerifyAsync(CaptchaSubmission submission, CancellationToken cancellationToken = default);
}

/// <summary>The self-hosted proof of work: a valid, unexpired payload signed by us, accepted once.</summary>
public sealed class AltchaVerifier(Altcha altcha, CaptchaReplayStore replays, ILogger<AltchaVerifier> logger) : ICaptchaVerifier
{
    public const string Field = "altcha";

    public string FieldName => Field;

    public async Task<bool> VerifyAsync(CaptchaSubmission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var result = altcha.Verify(submission.Response);
        if (!result.Valid)
        {
            logger.LogInformation("Vérification anti-robot refusée ({Reason}, action {Action}).", result.Failure, submission.Action);
            return false;
        }

        return await replays.TryConsumeAsync(result.Challenge!, result.ExpiresAtUtc!.Value, cancellationToken);
    }
}

/// <summary>
/// Google reCAPTCHA v3: posts the token to Google's siteverify service (named HttpClient <see cref="HttpClientName"/>)
/// and accepts it only when Google answers success, a score at least <see cref="RecaptchaOptions.MinScore"/>, the
/// expected action and an expected host name. A time-out, a network or HTTP error, or an unreadable answer refuses.
/// </summary>
public sealed class RecaptchaVerifier(IHttpClientFactory httpClients, CaptchaOptions options, ILogger<RecaptchaVerifier> logger) : ICaptchaVerifier
{
    public const string HttpClientName = "recaptcha";

    public const string Field = "g-recaptcha-response";

    public string FieldName => Field;

    public async Task<bool> VerifyAsync(CaptchaSubmission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var settings = options.Recaptcha;
        if (string.IsNullOrWhiteSpace(submission.Response) || submission.Response.Length > 4096 || string.IsNullOrWhiteSpace(settings.SecretKey))
        {
            return false;
        }

        var fields = new Dictionary<string, string> { ["secret"] = settings.SecretKey, ["response"] = submission.Response };
        if (!string.IsNullOrEmpty(submission.RemoteIp))
        {
            fields["remoteip"] = submission.RemoteIp;
        }

        SiteVerifyAnswer? answer;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, settings.TimeoutSeconds)));
            using var content = new FormUrlEncodedContent(fields);
            using var response = await httpClients.CreateClient(HttpClientName).PostAsync(new Uri(RecaptchaOptions.VerifyUrl), content, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("reCAPTCHA : réponse HTTP {Status} de Google, formulaire refusé.", (int)response.StatusCode);
                return false;
            }

            answer = await response.Content.ReadFromJsonAsync<SiteVerifyAnswer>(timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or System.Text.Json.JsonException or NotSupportedException or InvalidOperationException)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            logger.LogWarning(e, "reCAPTCHA : Google n'a pas répondu correctement, formulaire refusé.");
            return false;
        }

        var hosts = settings.Hostnames.Count > 0 ? settings.Hostnames : [submission.Host];
        var accepted = answer is { Success: true, Score: { } score, Action: { } action, Hostname: { } hostname }
            && score >= settings.MinScore
            && string.Equals(action, submission.Action, StringComparison.Ordinal)
            && hosts.Any(h => string.Equals(h, hostname, StringComparison.OrdinalIgnoreCase));
        if (!accepted)
        {
            logger.LogInformation(
                "reCAPTCHA refusé : succès {Success}, score {Score}, action {Action} (attendue {Expected}), hôte {Host}, erreurs {Errors}.",
                answer?.Success, answer?.Score, answer?.Action, submission.Action, answer?.Hostname, string.Join(',', answer?.ErrorCodes ?? []));
        }

        return accepted;
    }

    private sealed record SiteVerifyAnswer(
        [property: JsonPropertyName("success")] bool Success,
        [property: JsonPropertyName("score")] double? Score,
        [property: JsonPropertyName("action")] string? Action,
        [property: JsonPropertyName("hostname")] string? Hostname,
        [property: JsonPropertyName("error-codes")] string[]? ErrorCodes);
}
