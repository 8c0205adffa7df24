/** The sign-in form (no server imports: the form uses it too). */
import { z } from 'zod';

export const signInSchema = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1024),
});

export type SignInError = 'required' | 'invalid' | 'locked';
export interface SignInState {
  error?: SignInError;
  email?: string;
}
