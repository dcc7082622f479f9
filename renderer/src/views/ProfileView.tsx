// Who uses this installation: the consultant's name, e-mail and role, asked once. Documents name
// them as author, comments and histories as who; saved as typed.
import type { Profile } from '../../../shared/domain.ts';
import { api } from '../api/client.ts';
import { errorFor, FieldFrame } from '../components/fields.tsx';
import { useT } from '../i18n.ts';
import { useDraft } from '../state/use-draft.ts';
import { useQuery } from '../state/use-query.ts';

function ProfileForm({ saved }: { saved: Profile }) {
  const t = useT();
  const draft = useDraft<Profile>(saved, (profile) => api('profile.save', profile));
  const value = draft.value;
  const field = (key: keyof Profile, type: 'text' | 'email') => (
    <FieldFrame label={t(`profile.${key}`)} error={errorFor(t, draft.error, key)} required={key === 'name'}>
      {({ id, describedBy }) => (
        <input
          id={id}
          type={type}
          aria-describedby={describedBy}
          aria-required={key === 'name' || undefined}
          value={value[key]}
          onChange={(e) => draft.change({ ...value, [key]: e.target.value })}
          onBlur={() => void draft.flush()}
        />
      )}
    </FieldFrame>
  );
  return (
    <div className="form-grid">
      {field('name', 'text')}
      {field('email', 'email')}
      {field('role', 'text')}
    </div>
  );
}

export function ProfileView() {
  const t = useT();
  const profile = useQuery('profile.get', {});
  return (
    <section className="panel" aria-labelledby="profile-heading">
      <h1 id="profile-heading">{t('profile.heading')}</h1>
      <p className="muted">{t('profile.intro')}</p>
      {profile.data ? <ProfileForm saved={profile.data} /> : <p>{t('app.loading')}</p>}
    </section>
  );
}

/** Asks once, on the start screen, until the consultant has said who they are. */
export function ProfilePrompt() {
  const t = useT();
  const profile = useQuery('profile.get', {}).data;
  if (!profile || profile.name.trim()) return null;
  return (
    <p className="banner banner-note" role="note">
      {t('profile.prompt')} <a href="#/profile">{t('profile.promptLink')}</a>
    </p>
  );
}
