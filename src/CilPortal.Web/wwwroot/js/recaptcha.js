// CilPortal — Google reCAPTCHA v3 on the anonymous forms (Captcha:Provider=Recaptcha), loaded only after the visitor agrees.
// Nothing from Google is fetched before the consent button is pressed. Loaded as a module by Pages/Shared/_Captcha.cshtml.
for (const block of document.querySelectorAll('[data-recaptcha-site-key]')) {
  const form = block.closest('form');
  const siteKey = block.getAttribute('data-recaptcha-site-key');
  const action = block.getAttribute('data-recaptcha-action');
  const consent = block.querySelector('[data-recaptcha-consent]');
  const status = block.querySelector('[data-recaptcha-status]');
  const field = block.querySelector('input[name="g-recaptcha-response"]');
  if (!form || !siteKey || !consent || !field) {
    continue;
  }

  let loaded = null;
  const load = () => {
    if (!loaded) {
      loaded = new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = 'https://www.google.com/recaptcha/api.js?render=' + encodeURIComponent(siteKey) + '&hl=fr';
        script.async = true;
        script.onload = () => globalThis.grecaptcha.ready(resolve);
        script.onerror = () => reject(new Error('reCAPTCHA'));
        document.head.appendChild(script);
      });
    }

    return loaded;
  };

  consent.addEventListener('click', () => {
    consent.disabled = true;
    status.textContent = 'Chargement de la vérification…';
    load().then(
      () => { status.textContent = 'Vérification acceptée : vous pouvez envoyer le formulaire.'; },
      () => { status.textContent = 'La vérification de Google n\u2019a pas pu être chargée. Réessayez plus tard ou adressez-vous à un lieu d\u2019accueil.'; consent.disabled = false; loaded = null; });
  });

  // A token lives two minutes: it is asked for when the form leaves.
  let sending = false;
  form.addEventListener('submit', (event) => {
    if (sending) {
      return;
    }

    event.preventDefault();
    if (!loaded) {
      status.textContent = 'Acceptez d\u2019abord la vérification par Google, avec le bouton ci-dessus.';
      consent.focus();
      return;
    }

    const submitter = event.submitter && event.submitter.form === form ? event.submitter : undefined;
    loaded
      .then(() => globalThis.grecaptcha.execute(siteKey, { action }))
      .then((token) => {
        field.value = token;
        sending = true;
        form.requestSubmit(submitter);
      }, () => { status.textContent = 'La vérification a échoué. Réessayez.'; });
  });
}
