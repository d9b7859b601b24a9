// CilPortal — anti-robot check of the anonymous forms, with the vendored ALTCHA widget (lib/altcha, MIT).
// Loaded as a module by Pages/Shared/_Captcha.cshtml: no inline script, the worker is a file of the site (CSP 'self').
import '../lib/altcha/altcha.min.js';

const altcha = globalThis.$altcha;

// The proof of work runs in a worker file, not in a blob: URL.
const workerUrl = new URL('../lib/altcha/workers/sha.js', import.meta.url);
altcha.algorithms.set('SHA-256', () => new Worker(workerUrl));

// Our French strings (the page is lang="fr", so the widget picks them).
altcha.i18n.set('fr', {
  ariaLinkLabel: 'ALTCHA (site officiel, nouvelle fenêtre)',
  enterCode: 'Saisissez le code',
  enterCodeAria: 'Saisissez le code que vous entendez. Appuyez sur Espace pour écouter.',
  error: 'La vérification a échoué. Réessayez dans un instant.',
  expired: 'La vérification a expiré. Cochez de nouveau la case.',
  footer: '',
  getAudioChallenge: 'Écouter un code',
  label: 'Je ne suis pas un robot',
  loading: 'Chargement…',
  reload: 'Recharger',
  verify: 'Vérifier',
  verificationRequired: 'Vérification nécessaire',
  verified: 'Vérifié',
  verifying: 'Vérification en cours…',
  waitAlert: 'Vérification en cours, patientez un instant.',
  cancel: 'Annuler',
  enterCodeFromImage: "Pour continuer, saisissez le code de l'image ci-dessous.",
});

// A form sent before the check is done waits for it, then leaves by itself (the same button is pressed again).
for (const widget of document.querySelectorAll('altcha-widget')) {
  const form = widget.closest('form');
  if (!form) {
    continue;
  }

  let pending = false;
  form.addEventListener('submit', (event) => {
    const state = typeof widget.getState === 'function' ? widget.getState() : 'verified';
    if (state === 'verified') {
      return;
    }

    event.preventDefault();
    if (pending) {
      return;
    }

    pending = true;
    const submitter = event.submitter && event.submitter.form === form ? event.submitter : undefined;
    const onChange = (change) => {
      const next = change.detail && change.detail.state;
      if (next === 'verified') {
        widget.removeEventListener('statechange', onChange);
        pending = false;
        form.requestSubmit(submitter);
      } else if (next === 'error' || next === 'expired' || next === 'unverified') {
        // The widget shows what went wrong; the person sends the form again.
        widget.removeEventListener('statechange', onChange);
        pending = false;
      }
    };
    widget.addEventListener('statechange', onChange);
    if (state !== 'verifying') {
      widget.verify();
    }
  });
}
