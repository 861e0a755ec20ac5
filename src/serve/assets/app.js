// vigie's page: sends the post to /api/check as the user types, and shows the report
// (the contract JSON of `vigie check --format json`) in the text and as a list.
"use strict";

(function () {
  const DELAI_MS = 300;
  const CLE_PROFIL = "vigie.profil";
  const NIVEAUX = { error: "erreur", warning: "avertissement", info: "info" };

  const jeton = new URLSearchParams(location.search).get("token");
  const $ = (id) => document.getElementById(id);
  const texte = $("texte");
  const profil = $("profil");
  const date = $("date");
  const etat = $("etat");
  const apercu = $("apercu");
  const constats = $("constats");
  const listePhotos = $("liste-photos");

  let minuterie = null;
  let demande = 0;
  let enCours = null;

  function entetes() {
    const h = { "Content-Type": "application/json" };
    if (jeton) h.Authorization = "Bearer " + jeton;
    return h;
  }

  function annoncer(message, probleme) {
    etat.textContent = message;
    etat.classList.toggle("probleme", Boolean(probleme));
  }

  async function chargerProfils() {
    try {
      const r = await fetch("api/profiles", { headers: entetes() });
      const donnees = await r.json();
      if (!r.ok) throw new Error(donnees.error ? donnees.error.message : r.statusText);
      const retenu = localStorage.getItem(CLE_PROFIL);
      for (const p of donnees.profiles) {
        const o = document.createElement("option");
        o.value = p.id;
        o.textContent = p.name;
        if (retenu ? p.id === retenu : p.default) o.selected = true;
        profil.append(o);
      }
      if (donnees.account) {
        const radio = document.querySelector(`input[name="compte"][value="${donnees.account}"]`);
        if (radio) radio.checked = true;
      }
    } catch (e) {
      annoncer("Impossible de joindre le serveur vigie : " + e.message, true);
    }
  }

  function photos() {
    return Array.from(listePhotos.querySelectorAll(".photo")).map((li) => {
      const champ = (nom) => li.querySelector(`[data-champ="${nom}"]`);
      return {
        people: champ("people").value,
        minors: champ("minors").checked,
        consent: champ("consent").value,
        credit: champ("credit").value,
        alt: champ("alt").value,
      };
    });
  }

  function numeroterPhotos() {
    listePhotos.querySelectorAll(".photo").forEach((li, i) => {
      li.querySelector("legend").textContent = `Photo ${i + 1}`;
    });
  }

  function ajouterPhoto() {
    const li = $("modele-photo").content.firstElementChild.cloneNode(true);
    li.querySelector(".retirer").addEventListener("click", () => {
      li.remove();
      numeroterPhotos();
      $("ajouter-photo").focus();
      planifier();
    });
    listePhotos.append(li);
    numeroterPhotos();
    li.querySelector("select").focus();
    planifier();
  }

  function planifier() {
    clearTimeout(minuterie);
    minuterie = setTimeout(verifier, DELAI_MS);
  }

  async function verifier() {
    const valeur = texte.value;
    if (valeur.trim() === "" && photos().length === 0) {
      apercu.replaceChildren();
      constats.replaceChildren();
      annoncer("Écrivez ou collez un texte pour le vérifier.");
      return;
    }
    const numero = ++demande;
    if (enCours) enCours.abort();
    enCours = new AbortController();
    const corps = {
      text: valeur,
      profile: profil.value || undefined,
      account: document.querySelector('input[name="compte"]:checked').value,
      photos: photos(),
    };
    if (date.value) corps.date = date.value;
    try {
      const r = await fetch("api/check", {
        method: "POST",
        headers: entetes(),
        body: JSON.stringify(corps),
        signal: enCours.signal,
      });
      const rapport = await r.json();
      if (numero !== demande) return;
      if (!r.ok) {
        const e = rapport.error || {};
        annoncer((e.message || r.statusText) + (e.help ? " — " + e.help : ""), true);
        return;
      }
      afficher(valeur, rapport);
    } catch (e) {
      if (e.name !== "AbortError") annoncer("La vérification a échoué : " + e.message, true);
    }
  }

  // Byte offsets of the UTF-8 text → indexes of the JavaScript string (UTF-16).
  function indexeur(valeur) {
    const table = new Map();
    let octet = 0;
    let i = 0;
    for (const c of valeur) {
      table.set(octet, i);
      const point = c.codePointAt(0);
      octet += point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
      i += c.length;
    }
    table.set(octet, i);
    return (o) => (table.has(o) ? table.get(o) : i);
  }

  function afficher(valeur, rapport) {
    const actifs = rapport.findings.filter((f) => !f.suppressed);
    const index = indexeur(valeur);
    // The text, each finding's passage marked (the first wins where two overlap).
    const morceaux = [];
    let fin = 0;
    actifs.forEach((f, n) => {
      const debut = index(f.byte_start);
      const arret = Math.max(index(f.byte_end), debut);
      if (debut < fin) return;
      morceaux.push(document.createTextNode(valeur.slice(fin, debut)));
      const mark = document.createElement("mark");
      mark.className = f.severity;
      mark.id = "passage-" + (n + 1);
      mark.dataset.rule = f.rule;
      mark.title = f.message;
      mark.textContent = valeur.slice(debut, arret) || " ";
      morceaux.push(mark);
      fin = arret;
    });
    morceaux.push(document.createTextNode(valeur.slice(fin)));
    apercu.replaceChildren(...(actifs.length ? morceaux : []));

    constats.replaceChildren(...actifs.map((f, n) => constat(f, n + 1)));
    const s = rapport.summary;
    if (actifs.length === 0) {
      annoncer(`Aucun problème selon la politique de ${rapport.profile.name}.`);
    } else {
      const parties = [];
      if (s.errors) parties.push(`${s.errors} erreur${s.errors > 1 ? "s" : ""}`);
      if (s.warnings) parties.push(`${s.warnings} avertissement${s.warnings > 1 ? "s" : ""}`);
      if (s.infos) parties.push(`${s.infos} info${s.infos > 1 ? "s" : ""}`);
      annoncer(`${parties.join(", ")} selon la politique de ${rapport.profile.name}.`);
    }
  }

  function element(nom, classe, texte) {
    const e = document.createElement(nom);
    if (classe) e.className = classe;
    if (texte !== undefined) e.textContent = texte;
    return e;
  }

  function constat(f, n) {
    const li = element("li", "constat");
    li.dataset.rule = f.rule;
    const tete = element("p");
    tete.append(
      element("span", "niveau " + f.severity, NIVEAUX[f.severity] || f.severity),
      " ",
      element("span", "regle", "[" + f.rule + "]"),
      " ",
      element("span", "message", f.message)
    );
    li.append(tete);
    if (f.excerpt) {
      const p = element("p");
      p.append("Ligne " + f.line + " : ", element("span", "extrait", f.excerpt));
      li.append(p);
    }
    for (const a of f.articles) {
      const etiquette = /^[0-9]/.test(a.ref) ? "art. " + a.ref : a.ref;
      const p = element("p");
      p.append(element("span", "article", etiquette), " (" + a.title + ")");
      li.append(p, element("blockquote", "citation", "« " + a.quote + " »"));
    }
    if (f.help) li.append(element("p", "correction", "À faire : " + f.help));
    li.setAttribute("aria-label", `Constat ${n} : ${f.message}`);
    return li;
  }

  document.addEventListener("DOMContentLoaded", async () => {
    await chargerProfils();
    texte.addEventListener("input", planifier);
    date.addEventListener("change", planifier);
    profil.addEventListener("change", () => {
      localStorage.setItem(CLE_PROFIL, profil.value);
      planifier();
    });
    document.querySelectorAll('input[name="compte"]').forEach((r) => r.addEventListener("change", planifier));
    listePhotos.addEventListener("input", planifier);
    listePhotos.addEventListener("change", planifier);
    $("ajouter-photo").addEventListener("click", ajouterPhoto);
    if (texte.value) planifier();
  });
})();
