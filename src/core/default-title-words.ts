/** Words and phrases in a job title that mark someone who can buy or sign (whole-word matches). */
export const buyerTitleWords: readonly string[] = [
  'ceo', 'cto', 'cfo', 'coo', 'cio', 'cmo', 'cro', 'cso', 'cpo', 'cdo', 'chief', 'founder', 'co-founder', 'cofounder',
  'owner', 'president', 'vp', 'vice president', 'svp', 'evp', 'avp', 'head', 'director', 'partner', 'principal',
  'manager', 'managing director', 'general manager', 'gm', 'executive director', 'board member', 'chairman',
  'chairwoman', 'chair', 'proprietor',
];

/**
 * Titles of people who cannot buy: the "students and job seekers" sales complained about.
 * A few non-English forms too, because forms are filled in every language.
 */
export const nonBuyerTitleWords: readonly string[] = [
  'student', 'students', 'intern', 'interns', 'internship', 'trainee', 'apprentice', 'apprenticeship',
  'freelancer', 'freelance', 'unemployed', 'retired', 'retiree', 'phd candidate', 'phd student',
  'doctoral candidate', 'doctoral student', 'graduate student', 'grad student', 'undergraduate', 'undergrad',
  'job seeker', 'jobseeker', 'looking for work', 'looking for a job', 'seeking employment', 'between jobs',
  'homemaker', 'housewife', 'pupil', 'stagiaire', 'praktikant', 'praktikantin', 'werkstudent', 'werkstudentin',
  'becario', 'becaria', 'estudiante', 'étudiant', 'étudiante', 'studente', 'tirocinante',
];
