namespace CilPortal.Infrastructure.Captcha;

/// <summary>Which anti-robot check protects the anonymous forms.</summary>
public enum CaptchaProvider
{
    /// <summary>Self-hosted proof of work, compatible with the ALTCHA widget (default): no third party, no cookie.</summary>
    Altcha,

    /// <summary>Google reCAPTCHA v3, loaded only after the visitor agrees to it.</summary>
    Recaptcha,
}

/// <summary>Settings of the <c>Captcha</c> configuration section.</summary>
public sealed class CaptchaOptions
{
    public const string Section = "Captcha";

    /// <summary>The shortest HMAC key accepted, in characters.</summary>
    public const int MinimumKeyLength = 32;

    public CaptchaProvider Provider { get; set; } = CaptchaProvider.Altcha;

    /// <summary>
    /// Secret that signs the ALTCHA challenges (HMAC-SHA256, used as UTF-8 text like altcha-lib). Never committed: from the
    /// environment or a secret store. Without it the portal refuses to start, except in Development where one is made up at
    /// each start.
    /// </summary>
    public string HmacKey { get; set; } = "";

    /// <summary>
    /// The largest secret number of a challenge (its complexity): a browser tries half of it on average.
    /// 100,000 takes well under a second on a recent phone.
    /// </summary>
    public int MaxNumber { get; set; } = 100_000;

    /// <summary>Minutes a challenge may be solved and sent in; a solved challenge is then accepted once.</summary>
    public int ExpiresMinutes { get; set; } = 20;

    public RecaptchaOptions Recaptcha { get; set; } = new();
}

/// <summary>Settings of Google reCAPTCHA v3 (<c>Captcha:Recaptcha</c>), used when <c>Captcha:Provider</c> is <c>Recaptcha</c>.</summary>
public sealed class RecaptchaOptions
{
    public const string VerifyUrl = "https://www.google.com/recaptcha/api/siteverify";

    /// <summary>The public key of the site, written in the page.</summary>
    public string SiteKey { get; set; } = "";

    /// <summary>The secret key, sent only to Google's verification service.</summary>
    public string SecretKey { get; set; } = "";

    /// <summary>The lowest score accepted (0 = robot, 1 = human).</summary>
    public double MinScore { get; set; } = 0.5;

    /// <summary>Host names Google must report the token was made on; empty: the host of the request.</summary>
    public IList<string> Hostnames { get; } = [];

    /// <summary>Seconds to wait for Google before refusing the form.</summary>
    public int TimeoutSeconds { get; set; } = 5;
}
