import type { UseFormReturnType } from "@mantine/form";
import type { ProfileValues } from "../model";

export type ProfileForm = UseFormReturnType<ProfileValues>;
